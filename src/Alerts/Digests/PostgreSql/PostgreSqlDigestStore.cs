using Dapper;
using SocialWatch.Alerts.Storage.PostgreSql;

namespace SocialWatch.Alerts.Digests.PostgreSql;

/// <summary>Digest subscriptions and runs in PostgreSQL; times are timestamptz.</summary>
internal sealed class PostgreSqlDigestStore(PostgreSqlConnectionFactory connections) : IDigestSubscriptionStore, IDigestRunStore
{
    private const string SubscriptionColumns = """
        id AS Id, name AS Name, recipients AS Recipients, brands AS Brands, cadence AS Cadence, send_at AS SendAt,
        weekly_on AS WeeklyOn, cron AS Cron, time_zone AS TimeZone, enabled AS Enabled,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string RunColumns = """
        id AS Id, subscription_id AS SubscriptionId, period_start AS PeriodStart, period_end AS PeriodEnd, state AS State,
        attempts AS Attempts, recipients AS Recipients, brands AS Brands, subject AS Subject, message_id AS MessageId,
        mentions AS Mentions, negative_mentions AS NegativeMentions, alerts_opened AS AlertsOpened,
        updated_at AS UpdatedAt, sent_at AS SentAt, last_error AS LastError
        """;

    private const string InsertSubscriptionSql = """
        INSERT INTO digest_subscriptions (name, recipients, brands, cadence, send_at, weekly_on, cron, time_zone, enabled, created_at, updated_at)
        VALUES (@Name, @Recipients, @Brands, @Cadence, @SendAt, @WeeklyOn, @Cron, @TimeZone, @Enabled, @CreatedAt, @UpdatedAt)
        RETURNING id
        """;

    private const string GetSubscriptionSql = $"SELECT {SubscriptionColumns} FROM digest_subscriptions WHERE id = @id";

    private const string ListSubscriptionsSql = $"SELECT {SubscriptionColumns} FROM digest_subscriptions ORDER BY id";

    private const string UpdateSubscriptionSql = """
        UPDATE digest_subscriptions
           SET name = @Name, recipients = @Recipients, brands = @Brands, cadence = @Cadence, send_at = @SendAt,
               weekly_on = @WeeklyOn, cron = @Cron, time_zone = @TimeZone, enabled = @Enabled, updated_at = @UpdatedAt
         WHERE id = @Id
        """;

    private const string DeleteRunsSql = "DELETE FROM digest_runs WHERE subscription_id = @id";

    private const string DeleteSubscriptionSql = "DELETE FROM digest_subscriptions WHERE id = @id";

    private const string GetRunSql = $"SELECT {RunColumns} FROM digest_runs WHERE subscription_id = @subscriptionId AND period_end = @periodEnd";

    private const string InsertRunSql = """
        INSERT INTO digest_runs (subscription_id, period_start, period_end, state, attempts, recipients, brands, subject, message_id,
                                 mentions, negative_mentions, alerts_opened, updated_at)
        VALUES (@SubscriptionId, @PeriodStart, @PeriodEnd, 'Pending', 0, @Recipients, @Brands, @Subject, @MessageId,
                @Mentions, @NegativeMentions, @AlertsOpened, @UpdatedAt)
        ON CONFLICT (subscription_id, period_end) DO NOTHING
        """;

    private const string ClaimRunSql = """
        UPDATE digest_runs
           SET state = 'Sending', attempts = attempts + 1, period_start = @PeriodStart, recipients = @Recipients, brands = @Brands,
               subject = @Subject, message_id = @MessageId, mentions = @Mentions, negative_mentions = @NegativeMentions,
               alerts_opened = @AlertsOpened, updated_at = @UpdatedAt, last_error = NULL
         WHERE subscription_id = @SubscriptionId AND period_end = @PeriodEnd AND state IN ('Pending', 'Failed')
        RETURNING id
        """;

    private const string MarkSentSql = "UPDATE digest_runs SET state = 'Sent', sent_at = @at, updated_at = @at, last_error = NULL WHERE id = @runId AND state = 'Sending'";

    private const string MarkFailedSql = "UPDATE digest_runs SET state = 'Failed', updated_at = @at, last_error = @error WHERE id = @runId AND state = 'Sending'";

    private const string ListRunsSql = $"SELECT {RunColumns} FROM digest_runs WHERE subscription_id = @subscriptionId ORDER BY period_end DESC LIMIT @limit";

    public async Task<DigestSubscription> CreateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            InsertSubscriptionSql, DigestRows.SubscriptionParameters(subscription, PostgreSqlTime.ToDb(subscription.CreatedAt), PostgreSqlTime.ToDb(subscription.UpdatedAt)), cancellationToken: cancellationToken));
        return subscription with { Id = id };
    }

    public async Task<DigestSubscription?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow<DateTime>>(new CommandDefinition(GetSubscriptionSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToSubscription(PostgreSqlTime.FromDb);
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow<DateTime>>(new CommandDefinition(ListSubscriptionsSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription(PostgreSqlTime.FromDb))];
    }

    public async Task<bool> UpdateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            UpdateSubscriptionSql, DigestRows.SubscriptionParameters(subscription, PostgreSqlTime.ToDb(subscription.CreatedAt), PostgreSqlTime.ToDb(subscription.UpdatedAt)), cancellationToken: cancellationToken));
        return rows == 1;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteRunsSql, new { id }, transaction, cancellationToken: cancellationToken));
        var rows = await connection.ExecuteAsync(new CommandDefinition(DeleteSubscriptionSql, new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows == 1;
    }

    public async Task<DigestRun?> GetAsync(long subscriptionId, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow<DateTime>>(new CommandDefinition(
            GetRunSql, new { subscriptionId, periodEnd = PostgreSqlTime.ToDb(periodEnd) }, cancellationToken: cancellationToken));
        return row?.ToRun(PostgreSqlTime.FromDb);
    }

    public async Task<DigestRun?> TryClaimAsync(DigestRun run, CancellationToken cancellationToken)
    {
        // The insert only creates the row; the conditional update is the claim. Of two racing hosts, the second
        // finds the state already Sending and updates nothing.
        var parameters = RunParameters(run);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertRunSql, parameters, transaction, cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(ClaimRunSql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return id is null ? null : await GetAsync(run.SubscriptionId, run.PeriodEnd, cancellationToken);
    }

    public async Task MarkSentAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(MarkSentSql, new { runId, at = PostgreSqlTime.ToDb(at) }, cancellationToken: cancellationToken));
        DigestRows.ExpectOne(rows, runId);
    }

    public async Task MarkFailedAsync(long runId, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(MarkFailedSql, new { runId, at = PostgreSqlTime.ToDb(at), error }, cancellationToken: cancellationToken));
        DigestRows.ExpectOne(rows, runId);
    }

    public async Task<IReadOnlyList<DigestRun>> ListAsync(long subscriptionId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow<DateTime>>(new CommandDefinition(ListRunsSql, new { subscriptionId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun(PostgreSqlTime.FromDb))];
    }

    private static object RunParameters(DigestRun run) => DigestRows.RunParameters(run, PostgreSqlTime.ToDb(run.PeriodStart), PostgreSqlTime.ToDb(run.PeriodEnd), PostgreSqlTime.ToDb(run.UpdatedAt));
}
