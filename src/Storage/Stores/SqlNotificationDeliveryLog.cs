using System.Globalization;
using Dapper;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements for the delivery log. <c>Counts</c> takes @Since and reads, per channel and target, the last
/// delivery's time and the deliveries and failures since; <c>Latest</c> reads each receiver's last try and last failed
/// try; <c>Backlog</c> counts the outbox rows per receiver; <c>GivenUp</c> takes @Limit; <c>Find</c> and
/// <c>RetryGivenUp</c> take @Id (and @Now); <c>Prune</c> takes @Before.
/// </summary>
internal sealed record DeliveryLogSql(string Counts, string Latest, string Backlog, string GivenUp, string Find, string RetryGivenUp, string AddAdminAudit, string Prune);

/// <summary>
/// Reads <c>notification_deliveries</c> (written by the outbox with each row's change) beside the outbox's own rows.
/// A retry an admin asks for is written to the admin audit in the same transaction.
/// </summary>
internal sealed class SqlNotificationDeliveryLog(SqlDialect dialect, DeliveryLogSql sql) : INotificationDeliveryLog
{
    public async Task<IReadOnlyList<ReceiverDeliveries>> SummarizeAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<CountRow>(new CommandDefinition(sql.Counts, new { Since = dialect.ToDb(since) }, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.Channel, r.Target));
        var latest = (await connection.QueryAsync<AttemptRow>(new CommandDefinition(sql.Latest, cancellationToken: cancellationToken))).ToList();
        var backlog = (await connection.QueryAsync<BacklogRow>(new CommandDefinition(sql.Backlog, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.Channel, r.Target));

        var receivers = counts.Keys.Union(backlog.Keys).Distinct().OrderBy(k => k.Channel, StringComparer.Ordinal).ThenBy(k => k.Target, StringComparer.Ordinal);
        return
        [
            .. receivers.Select(k =>
            {
                var tries = latest.Where(a => a.Channel == k.Channel && a.Target == k.Target).OrderByDescending(a => a.Id).ToList();
                var c = counts.GetValueOrDefault(k);
                var b = backlog.GetValueOrDefault(k);
                return new ReceiverDeliveries(
                    k.Channel,
                    k.Target,
                    tries.FirstOrDefault()?.ToAttempt(),
                    SqlDialect.FromDbNullable(c?.LastDeliveredAt),
                    tries.FirstOrDefault(a => a.Outcome != nameof(DeliveryOutcome.Delivered))?.ToAttempt(),
                    c?.DeliveredSince ?? 0,
                    c?.FailedSince ?? 0,
                    b?.Pending ?? 0,
                    b?.GivenUp ?? 0);
            }),
        ];
    }

    public async Task<IReadOnlyList<GivenUpNotification>> ListGivenUpAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<GivenUpRow>(new CommandDefinition(sql.GivenUp, new { Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new GivenUpNotification(r.Id, r.Channel, r.Target, r.AlertId, r.Attempts, SqlDialect.FromDb(r.GaveUpAt), r.LastError))];
    }

    public async Task<bool> RetryGivenUpAsync(long id, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var at = dialect.ToDb(now);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GivenUpRow>(new CommandDefinition(sql.Find, new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (row is null || await connection.ExecuteAsync(new CommandDefinition(sql.RetryGivenUp, new { Id = id, Now = at }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }

        // The target is the row's key (config:name or stored:id), never the webhook's URL.
        await connection.ExecuteAsync(new CommandDefinition(
            sql.AddAdminAudit,
            new
            {
                At = at,
                Actor = actor,
                Entity = "notification",
                EntityKey = id.ToString(CultureInfo.InvariantCulture),
                Action = "retry",
                Body = string.Create(CultureInfo.InvariantCulture, $"{row.Channel} {row.Target}, alert {row.AlertId}, given up after {row.Attempts} tries"),
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql.Prune, new { Before = dialect.ToDb(before) }, cancellationToken: cancellationToken));
    }

    private sealed class CountRow
    {
        public string Channel { get; init; } = "";

        public string Target { get; init; } = "";

        public object? LastDeliveredAt { get; init; }

        public long DeliveredSince { get; init; }

        public long FailedSince { get; init; }
    }

    private sealed class BacklogRow
    {
        public string Channel { get; init; } = "";

        public string Target { get; init; } = "";

        public long Pending { get; init; }

        public long GivenUp { get; init; }
    }

    private sealed class AttemptRow
    {
        public long Id { get; init; }

        public string Channel { get; init; } = "";

        public string Target { get; init; } = "";

        public long OutboxId { get; init; }

        public long AlertId { get; init; }

        public object At { get; init; } = 0L;

        public string Outcome { get; init; } = "";

        public int? Status { get; init; }

        public string? Error { get; init; }

        public object? RetryAt { get; init; }

        public DeliveryAttempt ToAttempt() =>
            new(OutboxId, AlertId, SqlDialect.FromDb(At), Enum.Parse<DeliveryOutcome>(Outcome), Status, Error, SqlDialect.FromDbNullable(RetryAt));
    }

    private sealed class GivenUpRow
    {
        public long Id { get; init; }

        public string Channel { get; init; } = "";

        public string Target { get; init; } = "";

        public long AlertId { get; init; }

        public int Attempts { get; init; }

        public object GaveUpAt { get; init; } = 0L;

        public string? LastError { get; init; }
    }
}
