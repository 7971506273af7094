using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerDigestSql
{
    public static readonly DigestSql Statements = new(
        InsertSubscriptionSql: """
            INSERT INTO dbo.digest_subscriptions (name, recipients, brands, cadence, send_at, weekly_on, cron, time_zone, enabled, created_at, updated_at)
            OUTPUT inserted.id
            VALUES (@Name, @Recipients, @Brands, @Cadence, @SendAt, @WeeklyOn, @Cron, @TimeZone, @Enabled, @CreatedAt, @UpdatedAt)
            """,
        GetSubscriptionSql: $"SELECT {SqlDigestStore.SubscriptionColumns} FROM dbo.digest_subscriptions WHERE id = @id",
        ListSubscriptionsSql: $"SELECT {SqlDigestStore.SubscriptionColumns} FROM dbo.digest_subscriptions ORDER BY id",
        UpdateSubscriptionSql: """
            UPDATE dbo.digest_subscriptions
               SET name = @Name, recipients = @Recipients, brands = @Brands, cadence = @Cadence, send_at = @SendAt,
                   weekly_on = @WeeklyOn, cron = @Cron, time_zone = @TimeZone, enabled = @Enabled, updated_at = @UpdatedAt
             WHERE id = @Id
            """,
        DeleteRunsSql: "DELETE FROM dbo.digest_runs WHERE subscription_id = @id",
        DeleteSubscriptionSql: "DELETE FROM dbo.digest_subscriptions WHERE id = @id",
        GetRunSql: $"SELECT {SqlDigestStore.RunColumns} FROM dbo.digest_runs WHERE subscription_id = @subscriptionId AND period_end = @periodEnd",
        // UPDLOCK + HOLDLOCK keep the key range locked between the check and the insert, so two hosts cannot both insert.
        InsertRunSql: """
            INSERT INTO dbo.digest_runs (subscription_id, period_start, period_end, state, attempts, recipients, brands, subject, message_id,
                                         mentions, negative_mentions, alerts_opened, updated_at)
            SELECT @SubscriptionId, @PeriodStart, @PeriodEnd, N'Pending', 0, @Recipients, @Brands, @Subject, @MessageId,
                   @Mentions, @NegativeMentions, @AlertsOpened, @UpdatedAt
             WHERE NOT EXISTS (SELECT 1 FROM dbo.digest_runs WITH (UPDLOCK, HOLDLOCK)
                                WHERE subscription_id = @SubscriptionId AND period_end = @PeriodEnd)
            """,
        ClaimRunSql: """
            UPDATE dbo.digest_runs
               SET state = N'Sending', attempts = attempts + 1, period_start = @PeriodStart, recipients = @Recipients, brands = @Brands,
                   subject = @Subject, message_id = @MessageId, mentions = @Mentions, negative_mentions = @NegativeMentions,
                   alerts_opened = @AlertsOpened, updated_at = @UpdatedAt, last_error = NULL
            OUTPUT inserted.id
             WHERE subscription_id = @SubscriptionId AND period_end = @PeriodEnd AND state IN (N'Pending', N'Failed')
            """,
        MarkSentSql: "UPDATE dbo.digest_runs SET state = N'Sent', sent_at = @at, updated_at = @at, last_error = NULL WHERE id = @runId AND state = N'Sending'",
        MarkFailedSql: "UPDATE dbo.digest_runs SET state = N'Failed', updated_at = @at, last_error = @error WHERE id = @runId AND state = N'Sending'",
        ListRunsSql: $"SELECT TOP (@limit) {SqlDigestStore.RunColumns} FROM dbo.digest_runs WHERE subscription_id = @subscriptionId ORDER BY period_end DESC");
}
