using Dapper;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs to read committed alert changes. <c>After</c> takes @after and @limit;
/// <c>Positions</c> takes @positions (an array or a list Dapper expands) or @positionsJson (a JSON array).
/// Both select the audit columns first and then the alert's columns starting at <c>Id</c>.
/// </summary>
internal sealed record AlertChangeSql
{
    public required string LatestSql { get; init; }

    public required string AfterSql { get; init; }

    public required string PositionsSql { get; init; }
}

/// <summary>The columns every dialect reads for a change: the audit row (aa) and the alert as it is now (a).</summary>
internal static class AlertChangeColumns
{
    public const string Select = """
        aa.id AS Position, aa.actor AS Actor, aa.at AS ChangedAt, aa.from_state AS FromState, aa.to_state AS ToState,
        a.id AS Id, a.kind AS Kind, a.mention_id AS MentionId, a.brand AS Brand, a.team AS Team, a.priority AS Priority, a.state AS State,
        a.title AS Title, a.reasons AS Reasons, a.assigned_to AS AssignedTo, a.created_at AS CreatedAt, a.updated_at AS UpdatedAt,
        a.first_response_due_at AS FirstResponseDueAt, a.resolve_due_at AS ResolveDueAt, a.first_responded_at AS FirstRespondedAt,
        a.resolved_at AS ResolvedAt, a.dismiss_reason AS DismissReason, a.version AS Version
        """;
}

/// <summary>alert_audit joined to alerts, read by position (the audit row's id).</summary>
internal sealed class SqlAlertChangeLog(SqlDialect dialect, AlertChangeSql sql) : IAlertChangeLog
{
    public async Task<long> GetLatestPositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.LatestSql, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AlertChangeRecord>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChangeRow, SqlAlertRow, AlertChangeRecord>(
            new CommandDefinition(sql.AfterSql, new { after, limit }, cancellationToken: cancellationToken), ToRecord, splitOn: "Id");
        return [.. rows];
    }

    public async Task<IReadOnlyList<AlertChangeRecord>> ReadPositionsAsync(IReadOnlyCollection<long> positions, CancellationToken cancellationToken)
    {
        if (positions.Count == 0)
        {
            return [];
        }

        var array = positions.ToArray();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChangeRow, SqlAlertRow, AlertChangeRecord>(
            new CommandDefinition(
                sql.PositionsSql,
                new { positions = array, positionsJson = System.Text.Json.JsonSerializer.Serialize(array) },
                cancellationToken: cancellationToken),
            ToRecord,
            splitOn: "Id");
        return [.. rows.OrderBy(r => r.Position)];
    }

    private static AlertChangeRecord ToRecord(ChangeRow change, SqlAlertRow alert) => new(
        change.Position,
        alert.ToAlert(),
        change.Actor,
        change.FromState is null ? null : Enum.Parse<AlertState>(change.FromState),
        Enum.Parse<AlertState>(change.ToState),
        SqlDialect.FromDb(change.ChangedAt));

    private sealed class ChangeRow
    {
        public long Position { get; set; }
        public string Actor { get; set; } = "";
        public object ChangedAt { get; set; } = 0L;
        public string? FromState { get; set; }
        public string ToState { get; set; } = "";
    }
}
