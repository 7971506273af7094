using Dapper;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for <c>notification_outbox</c>. <c>Claim</c> takes @claim, @until, @now and @limit and
/// marks up to @limit due rows, oldest first, as claimed; <c>Claimed</c> reads the rows of @claim. Only <c>Claim</c>
/// differs between dialects beyond the table's schema. <c>Announce</c> takes @AlertId, @Key and @At and inserts the event's
/// key into <c>announced_events</c> only when it is not there (affecting one row or none); <c>Announced</c> takes the ids
/// (@ids, or @idsJson for SQL Server) and @Prefix (a LIKE pattern) and reads alert_id and event_key; <c>Unannounced</c> and <c>UnannouncedReopenings</c> take @From, @Before and @Limit.
/// <c>RecordDelivery</c> inserts one <c>notification_deliveries</c> row (@Channel, @Target, @OutboxId, @AlertId, @At,
/// @Outcome, @Status, @Error, @RetryAt).
/// </summary>
internal sealed record OutboxSql(
    string Insert, string Claim, string Claimed, string Complete, string Retry, string GiveUp, string Pending,
    string Announce, string Announced, string Unannounced, string UnannouncedReopenings, string RecordDelivery);

/// <summary>
/// The notification outbox over any dialect. A claim is one UPDATE of the oldest due rows with a fresh token: the
/// row's due time moves past the lease in the same statement, so another host's claim skips it (PostgreSQL and SQL
/// Server skip rows another claim has locked; SQLite has one writer at a time), and a host that dies while sending
/// leaves the row due again when the lease ends.
/// </summary>
internal sealed class SqlNotificationOutbox(SqlDialect dialect, TimeProvider time, OutboxSql sql) : INotificationOutbox
{
    private const int MaxClaim = 1_000;

    // Ids per look-up statement: within every dialect's parameter limits.
    private const int FindChunk = 500;

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var at = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql.Insert,
            messages.Select(m => new { m.Channel, m.Target, m.AlertId, m.Payload, At = at }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> AnnounceAsync(long alertId, string key, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        (await AnnounceAllAsync([new Announcement(alertId, key, messages)], cancellationToken))[0];

    public async Task<IReadOnlyList<bool>> AnnounceAllAsync(IReadOnlyList<Announcement> announcements, CancellationToken cancellationToken)
    {
        var announced = new bool[announcements.Count];
        if (announcements.Count == 0)
        {
            return announced;
        }

        foreach (var a in announcements)
        {
            ArgumentException.ThrowIfNullOrEmpty(a.Key);
        }

        var at = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Keys in one order on every host, so that two sweeps racing over the same notices wait for each other
        // instead of deadlocking.
        foreach (var i in Enumerable.Range(0, announcements.Count).OrderBy(i => announcements[i].AlertId).ThenBy(i => announcements[i].Key, StringComparer.Ordinal))
        {
            var a = announcements[i];
            var first = await connection.ExecuteAsync(new CommandDefinition(
                sql.Announce, new { a.AlertId, a.Key, At = at }, transaction, cancellationToken: cancellationToken));

            // None: another host, or the recovery, announced it; its rows are the ones that go out.
            announced[i] = first == 1;
            if (announced[i] && a.Messages.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    sql.Insert,
                    a.Messages.Select(m => new { m.Channel, m.Target, m.AlertId, m.Payload, At = at }),
                    transaction,
                    cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return announced;
    }

    public async Task<IReadOnlySet<(long AlertId, string Key)>> FindAnnouncedAsync(IReadOnlyCollection<long> alertIds, string keyPrefix, CancellationToken cancellationToken)
    {
        var found = new HashSet<(long, string)>();
        if (alertIds.Count == 0)
        {
            return found;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in alertIds.Distinct().Chunk(FindChunk))
        {
            var ids = chunk.ToArray();
            var rows = await connection.QueryAsync<(long AlertId, string Key)>(new CommandDefinition(
                sql.Announced, new { ids, idsJson = System.Text.Json.JsonSerializer.Serialize(ids), Prefix = keyPrefix + "%" }, cancellationToken: cancellationToken));
            found.UnionWith(rows);
        }

        return found;
    }

    public async Task<IReadOnlyList<UnannouncedReopening>> FindUnannouncedReopeningsAsync(DateTimeOffset from, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long AlertId, long MentionId)>(new CommandDefinition(
            sql.UnannouncedReopenings, new { From = dialect.ToDb(from), Before = dialect.ToDb(before), Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new UnannouncedReopening(r.AlertId, r.MentionId))];
    }

    public async Task<IReadOnlyList<long>> FindUnannouncedAsync(DateTimeOffset from, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            sql.Unannounced, new { From = dialect.ToDb(from), Before = dialect.ToDb(before), Limit = limit }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var claim = Guid.NewGuid().ToString("N");
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            sql.Claim,
            new { claim, until = dialect.ToDb(now + lease), now = dialect.ToDb(now), limit = Math.Min(limit, MaxClaim) },
            cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(sql.Claimed, new { claim }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OutboxEntry(r.Id, r.Channel, r.Target, r.AlertId, r.Payload, r.Attempts, claim))];
    }

    public Task CompleteAsync(OutboxEntry entry, DateTimeOffset at, int? status, CancellationToken cancellationToken) =>
        SettleAsync(sql.Complete, new { id = entry.Id, claim = entry.Claim }, entry, new DeliveryAttempt(entry.Id, entry.AlertId, at, DeliveryOutcome.Delivered, status, null, null), cancellationToken);

    public Task RetryAsync(OutboxEntry entry, DateTimeOffset at, DateTimeOffset dueAt, int? status, string error, CancellationToken cancellationToken) =>
        SettleAsync(
            sql.Retry,
            new { id = entry.Id, claim = entry.Claim, due = dialect.ToDb(dueAt), error = Clip(error) },
            entry,
            new DeliveryAttempt(entry.Id, entry.AlertId, at, DeliveryOutcome.Retrying, status, Clip(error), dueAt),
            cancellationToken);

    public Task GiveUpAsync(OutboxEntry entry, DateTimeOffset at, int? status, string error, CancellationToken cancellationToken) =>
        SettleAsync(
            sql.GiveUp,
            new { id = entry.Id, claim = entry.Claim, at = dialect.ToDb(at), error = Clip(error) },
            entry,
            new DeliveryAttempt(entry.Id, entry.AlertId, at, DeliveryOutcome.GaveUp, status, Clip(error), null),
            cancellationToken);

    // The row's change and its delivery record commit together; a claim that lost its row (the lease ran out and
    // another host took it) records nothing, so the log holds the tries that settled a row and no others.
    private async Task SettleAsync(string change, object parameters, OutboxEntry entry, DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(change, parameters, transaction, cancellationToken: cancellationToken)) == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.RecordDelivery,
                new
                {
                    entry.Channel,
                    entry.Target,
                    attempt.OutboxId,
                    attempt.AlertId,
                    At = dialect.ToDb(attempt.At),
                    Outcome = attempt.Outcome.ToString(),
                    attempt.Status,
                    attempt.Error,
                    RetryAt = dialect.ToDb(attempt.RetryAt),
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Pending, cancellationToken: cancellationToken));
    }

    private static string Clip(string error) => error.Length <= 1000 ? error : error[..999] + "…";

    private sealed class OutboxRow
    {
        public long Id { get; init; }

        public string Channel { get; init; } = "";

        public string Target { get; init; } = "";

        public long AlertId { get; init; }

        public string Payload { get; init; } = "";

        public int Attempts { get; init; }
    }
}

/// <summary>The statements SQLite and PostgreSQL share, around each one's claim.</summary>
internal static class OutboxStatements
{
    public const string InsertSql = "INSERT INTO notification_outbox (channel, target, alert_id, payload, due_at, created_at) VALUES (@Channel, @Target, @AlertId, @Payload, @At, @At)";
    public const string ClaimedSql = "SELECT id AS Id, channel AS Channel, target AS Target, alert_id AS AlertId, payload AS Payload, attempts AS Attempts FROM notification_outbox WHERE claim = @claim ORDER BY id";
    public const string CompleteSql = "DELETE FROM notification_outbox WHERE id = @id AND claim = @claim";
    public const string RetrySql = "UPDATE notification_outbox SET due_at = @due, last_error = @error, claim = NULL WHERE id = @id AND claim = @claim";
    public const string GiveUpSql = "UPDATE notification_outbox SET gave_up_at = @at, last_error = @error, claim = NULL WHERE id = @id AND claim = @claim";
    public const string PendingSql = "SELECT COUNT(*) FROM notification_outbox WHERE gave_up_at IS NULL";
    public const string RecordDeliverySql = """
        INSERT INTO notification_deliveries (channel, target, outbox_id, alert_id, at, outcome, status, error, retry_at)
        VALUES (@Channel, @Target, @OutboxId, @AlertId, @At, @Outcome, @Status, @Error, @RetryAt)
        """;

    public const string AnnounceSql = """
        INSERT INTO announced_events (alert_id, event_key, announced_at) VALUES (@AlertId, @Key, @At)
        ON CONFLICT (alert_id, event_key) DO NOTHING
        """;


    public const string UnannouncedSql = """
        SELECT a.id FROM alerts a
        WHERE a.created_at >= @From AND a.created_at < @Before
          AND NOT EXISTS (SELECT 1 FROM announced_events n WHERE n.alert_id = a.id AND n.event_key = 'raised')
        ORDER BY a.id
        LIMIT @Limit
        """;

    // A reopening is the audit row of a change a mention caused on an alert that existed before (creation has no
    // from_state). The key is built as AnnouncementKeys.Reopened builds it.
    public const string UnannouncedReopeningsSql = """
        SELECT au.alert_id AS AlertId, au.mention_id AS MentionId FROM alert_audit au
        WHERE au.mention_id IS NOT NULL AND au.from_state IS NOT NULL AND au.at >= @From AND au.at < @Before
          AND NOT EXISTS (SELECT 1 FROM announced_events n WHERE n.alert_id = au.alert_id AND n.event_key = 'reopened:' || au.mention_id)
        ORDER BY au.id
        LIMIT @Limit
        """;

    public static OutboxSql With(string claimSql, string announcedSql) => new(InsertSql, claimSql, ClaimedSql, CompleteSql, RetrySql, GiveUpSql, PendingSql, AnnounceSql, announcedSql, UnannouncedSql, UnannouncedReopeningsSql, RecordDeliverySql);
}

internal static class SqliteOutboxSql
{
    private const string ClaimSql = """
        UPDATE notification_outbox SET claim = @claim, due_at = @until, attempts = attempts + 1
        WHERE id IN (SELECT id FROM notification_outbox WHERE gave_up_at IS NULL AND due_at <= @now ORDER BY id LIMIT @limit)
        """;

    private const string AnnouncedSql = "SELECT alert_id, event_key FROM announced_events WHERE alert_id IN @ids AND event_key LIKE @Prefix";

    public static readonly OutboxSql Statements = OutboxStatements.With(ClaimSql, AnnouncedSql);
}

internal static class PostgreSqlOutboxSql
{
    // SKIP LOCKED: rows another host is claiming at this moment go to that host; this one takes the next ones.
    private const string ClaimSql = """
        UPDATE notification_outbox SET claim = @claim, due_at = @until, attempts = attempts + 1
        WHERE id IN (SELECT id FROM notification_outbox WHERE gave_up_at IS NULL AND due_at <= @now ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED)
        """;

    private const string AnnouncedSql = "SELECT alert_id, event_key FROM announced_events WHERE alert_id = ANY(@ids) AND event_key LIKE @Prefix";

    public static readonly OutboxSql Statements = OutboxStatements.With(ClaimSql, AnnouncedSql);
}
