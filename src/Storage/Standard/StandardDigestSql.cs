using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The digest statements SQLite and PostgreSQL share word for word (SQL Server has its own).</summary>
internal static class StandardDigestSql
{
    public static readonly DigestSql Statements = new(
        InsertSubscriptionSql: """
            INSERT INTO digest_subscriptions (name, recipients, brands, cadence, send_at, weekly_on, cron, time_zone, enabled, created_at, updated_at)
            VALUES (@Name, @Recipients, @Brands, @Cadence, @SendAt, @WeeklyOn, @Cron, @TimeZone, @Enabled, @CreatedAt, @UpdatedAt)
            RETURNING id
            """,
        GetSubscriptionSql: $"SELECT {SqlDigestStore.SubscriptionColumns} FROM digest_subscriptions WHERE id = @id",
        ListSubscriptionsSql: $"SELECT {SqlDigestStore.SubscriptionColumns} FROM digest_subscriptions ORDER BY id",
        UpdateSubscriptionSql: """
            UPDATE digest_subscriptions
               SET name = @Name, recipients = @Recipients, brands = @Brands, cadence = @Cadence, send_at = @SendAt,
                   weekly_on = @WeeklyOn, cron = @Cron, time_zone = @TimeZone, enabled = @Enabled, updated_at = @UpdatedAt
             WHERE id = @Id
            """,
        DeleteRunsSql: "DELETE FROM digest_runs WHERE subscription_id = @id",
        DeleteSubscriptionSql: "DELETE FROM digest_subscriptions WHERE id = @id",
        GetRunSql: $"SELECT {SqlDigestStore.RunColumns} FROM digest_runs WHERE subscription_id = @subscriptionId AND period_end = @periodEnd",
        InsertRunSql: """
            INSERT INTO digest_runs (subscription_id, period_start, period_end, state, attempts, recipients, brands, subject, message_id,
                                     mentions, negative_mentions, alerts_opened, updated_at)
            VALUES (@SubscriptionId, @PeriodStart, @PeriodEnd, 'Pending', 0, @Recipients, @Brands, @Subject, @MessageId,
                    @Mentions, @NegativeMentions, @AlertsOpened, @UpdatedAt)
            ON CONFLICT (subscription_id, period_end) DO NOTHING
            """,
        ClaimRunSql: """
            UPDATE digest_runs
               SET state = 'Sending', attempts = attempts + 1, period_start = @PeriodStart, recipients = @Recipients, brands = @Brands,
                   subject = @Subject, message_id = @MessageId, mentions = @Mentions, negative_mentions = @NegativeMentions,
                   alerts_opened = @AlertsOpened, updated_at = @UpdatedAt, last_error = NULL
             WHERE subscription_id = @SubscriptionId AND period_end = @PeriodEnd AND state IN ('Pending', 'Failed')
            RETURNING id
            """,
        MarkSentSql: "UPDATE digest_runs SET state = 'Sent', sent_at = @at, updated_at = @at, last_error = NULL WHERE id = @runId AND state = 'Sending'",
        MarkFailedSql: "UPDATE digest_runs SET state = 'Failed', updated_at = @at, last_error = @error WHERE id = @runId AND state = 'Sending'",
        ListRunsSql: $"SELECT {SqlDigestStore.RunColumns} FROM digest_runs WHERE subscription_id = @subscriptionId ORDER BY period_end DESC LIMIT @limit");
}
