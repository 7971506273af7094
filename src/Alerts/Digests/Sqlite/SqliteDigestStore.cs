using Dapper;
using Microsoft.Data.Sqlite;

namespace SocialWatch.Alerts.Digests.Sqlite;

/// <summary>Digest subscriptions and runs in SQLite; times are unix milliseconds.</summary>
public sealed class SqliteDigestStore(string connectionString) : IDigestSubscriptionStore, IDigestRunStore
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

    public async Task<DigestSubscription> CreateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO digest_subscriptions (name, recipients, brands, cadence, send_at, weekly_on, cron, time_zone, enabled, created_at, updated_at)
            VALUES (@Name, @Recipients, @Brands, @Cadence, @SendAt, @WeeklyOn, @Cron, @TimeZone, @Enabled, @CreatedAt, @UpdatedAt)
            RETURNING id;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql, DigestRows.SubscriptionParameters(subscription, Ms(subscription.CreatedAt), Ms(subscription.UpdatedAt)), cancellationToken: cancellationToken));
        return subscription with { Id = id };
    }

    public async Task<DigestSubscription?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {SubscriptionColumns} FROM digest_subscriptions WHERE id = @id;";
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow<long>>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return row?.ToSubscription(FromMs);
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {SubscriptionColumns} FROM digest_subscriptions ORDER BY id;";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow<long>>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription(FromMs))];
    }

    public async Task<bool> UpdateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE digest_subscriptions
               SET name = @Name, recipients = @Recipients, brands = @Brands, cadence = @Cadence, send_at = @SendAt,
                   weekly_on = @WeeklyOn, cron = @Cron, time_zone = @TimeZone, enabled = @Enabled, updated_at = @UpdatedAt
             WHERE id = @Id;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            sql, DigestRows.SubscriptionParameters(subscription, Ms(subscription.CreatedAt), Ms(subscription.UpdatedAt)), cancellationToken: cancellationToken));
        return rows == 1;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        // Runs are deleted explicitly: SQLite enforces ON DELETE CASCADE only on connections that enabled foreign keys.
        const string deleteRuns = "DELETE FROM digest_runs WHERE subscription_id = @id;";
        const string deleteSubscription = "DELETE FROM digest_subscriptions WHERE id = @id;";
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(deleteRuns, new { id }, transaction, cancellationToken: cancellationToken));
        var rows = await connection.ExecuteAsync(new CommandDefinition(deleteSubscription, new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows == 1;
    }

    public async Task<DigestRun?> GetAsync(long subscriptionId, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {RunColumns} FROM digest_runs WHERE subscription_id = @subscriptionId AND period_end = @periodEnd;";
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow<long>>(new CommandDefinition(
            sql, new { subscriptionId, periodEnd = Ms(periodEnd) }, cancellationToken: cancellationToken));
        return row?.ToRun(FromMs);
    }

    public async Task<DigestRun?> TryClaimAsync(DigestRun run, CancellationToken cancellationToken)
    {
        // The insert only creates the row; the conditional update is the claim. Of two racing hosts, the second
        // finds the state already Sending and updates nothing.
        const string sql = """
            INSERT INTO digest_runs (subscription_id, period_start, period_end, state, attempts, recipients, brands, subject, message_id,
                                     mentions, negative_mentions, alerts_opened, updated_at)
            VALUES (@SubscriptionId, @PeriodStart, @PeriodEnd, 'Pending', 0, @Recipients, @Brands, @Subject, @MessageId,
                    @Mentions, @NegativeMentions, @AlertsOpened, @UpdatedAt)
            ON CONFLICT (subscription_id, period_end) DO NOTHING;

            UPDATE digest_runs
               SET state = 'Sending', attempts = attempts + 1, period_start = @PeriodStart, recipients = @Recipients, brands = @Brands,
                   subject = @Subject, message_id = @MessageId, mentions = @Mentions, negative_mentions = @NegativeMentions,
                   alerts_opened = @AlertsOpened, updated_at = @UpdatedAt, last_error = NULL
             WHERE subscription_id = @SubscriptionId AND period_end = @PeriodEnd AND state IN ('Pending', 'Failed')
            RETURNING id;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, RunParameters(run), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return id is null ? null : await GetAsync(run.SubscriptionId, run.PeriodEnd, cancellationToken);
    }

    public async Task MarkSentAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE digest_runs SET state = 'Sent', sent_at = @at, updated_at = @at, last_error = NULL WHERE id = @runId;";
        await using var connection = await OpenAsync(cancellationToken);
        await ExpectOneAsync(connection.ExecuteAsync(new CommandDefinition(sql, new { runId, at = Ms(at) }, cancellationToken: cancellationToken)), runId);
    }

    public async Task MarkFailedAsync(long runId, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE digest_runs SET state = 'Failed', updated_at = @at, last_error = @error WHERE id = @runId AND state = 'Sending';";
        await using var connection = await OpenAsync(cancellationToken);
        await ExpectOneAsync(connection.ExecuteAsync(new CommandDefinition(sql, new { runId, at = Ms(at), error }, cancellationToken: cancellationToken)), runId);
    }

    public async Task<IReadOnlyList<DigestRun>> ListAsync(long subscriptionId, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {RunColumns} FROM digest_runs WHERE subscription_id = @subscriptionId ORDER BY period_end DESC LIMIT @limit;";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow<long>>(new CommandDefinition(sql, new { subscriptionId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun(FromMs))];
    }

    private static object RunParameters(DigestRun run) => new
    {
        run.SubscriptionId,
        PeriodStart = Ms(run.PeriodStart),
        PeriodEnd = Ms(run.PeriodEnd),
        Recipients = DigestRows.ToJson(run.Recipients),
        Brands = DigestRows.ToJson(run.Brands),
        run.Subject,
        run.MessageId,
        run.Mentions,
        run.NegativeMentions,
        run.AlertsOpened,
        UpdatedAt = Ms(run.UpdatedAt),
    };

    private static async Task ExpectOneAsync(Task<int> update, long runId)
    {
        if (await update != 1)
        {
            throw new InvalidOperationException($"Digest run {runId} was not in the expected state.");
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    internal static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
