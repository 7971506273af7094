using Dapper;
using SocialWatch.Core.Digests;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs for <c>digest_subscriptions</c> and <c>digest_runs</c>. <c>InsertRunSql</c> inserts
/// the run only when (subscription, period end) is new; <c>ClaimRunSql</c> moves a Pending or Failed run to Sending
/// and returns its id, or nothing when another host has it.
/// </summary>
internal sealed record DigestSql(
    string InsertSubscriptionSql,
    string GetSubscriptionSql,
    string ListSubscriptionsSql,
    string UpdateSubscriptionSql,
    string DeleteRunsSql,
    string DeleteSubscriptionSql,
    string GetRunSql,
    string InsertRunSql,
    string ClaimRunSql,
    string MarkSentSql,
    string MarkFailedSql,
    string ListRunsSql);

/// <summary>Digest subscriptions and the send bookkeeping of their runs.</summary>
internal sealed class SqlDigestStore(SqlDialect dialect, DigestSql sql) : IDigestSubscriptionStore, IDigestRunStore
{
    public const string SubscriptionColumns = """
        id AS Id, name AS Name, recipients AS Recipients, brands AS Brands, cadence AS Cadence, send_at AS SendAt,
        weekly_on AS WeeklyOn, cron AS Cron, time_zone AS TimeZone, enabled AS Enabled,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public const string RunColumns = """
        id AS Id, subscription_id AS SubscriptionId, period_start AS PeriodStart, period_end AS PeriodEnd, state AS State,
        attempts AS Attempts, recipients AS Recipients, brands AS Brands, subject AS Subject, message_id AS MessageId,
        mentions AS Mentions, negative_mentions AS NegativeMentions, alerts_opened AS AlertsOpened,
        updated_at AS UpdatedAt, sent_at AS SentAt, last_error AS LastError
        """;

    public async Task<DigestSubscription> CreateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql.InsertSubscriptionSql, DigestRows.SubscriptionParameters(subscription, dialect.ToDb(subscription.CreatedAt), dialect.ToDb(subscription.UpdatedAt)), cancellationToken: cancellationToken));
        return subscription with { Id = id };
    }

    public async Task<DigestSubscription?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(sql.GetSubscriptionSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(sql.ListSubscriptionsSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription())];
    }

    public async Task<bool> UpdateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            sql.UpdateSubscriptionSql, DigestRows.SubscriptionParameters(subscription, dialect.ToDb(subscription.CreatedAt), dialect.ToDb(subscription.UpdatedAt)), cancellationToken: cancellationToken));
        return rows == 1;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.DeleteRunsSql, new { id }, transaction, cancellationToken: cancellationToken));
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql.DeleteSubscriptionSql, new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows == 1;
    }

    public async Task<DigestRun?> GetAsync(long subscriptionId, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            sql.GetRunSql, new { subscriptionId, periodEnd = dialect.ToDb(periodEnd) }, cancellationToken: cancellationToken));
        return row?.ToRun();
    }

    public async Task<DigestRun?> TryClaimAsync(DigestRun run, CancellationToken cancellationToken)
    {
        // The insert only creates the row; the conditional update is the claim. Of two racing hosts, the second
        // finds the state already Sending and updates nothing.
        var parameters = RunParameters(run);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertRunSql, parameters, transaction, cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql.ClaimRunSql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return id is null ? null : await GetAsync(run.SubscriptionId, run.PeriodEnd, cancellationToken);
    }

    public async Task MarkSentAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql.MarkSentSql, new { runId, at = dialect.ToDb(at) }, cancellationToken: cancellationToken));
        DigestRows.ExpectOne(rows, runId);
    }

    public async Task MarkFailedAsync(long runId, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql.MarkFailedSql, new { runId, at = dialect.ToDb(at), error }, cancellationToken: cancellationToken));
        DigestRows.ExpectOne(rows, runId);
    }

    public async Task<IReadOnlyList<DigestRun>> ListAsync(long subscriptionId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(sql.ListRunsSql, new { subscriptionId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    private object RunParameters(DigestRun run) => DigestRows.RunParameters(run, dialect.ToDb(run.PeriodStart), dialect.ToDb(run.PeriodEnd), dialect.ToDb(run.UpdatedAt));
}
