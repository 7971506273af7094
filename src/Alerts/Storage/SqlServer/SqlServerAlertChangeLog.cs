using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.SqlServer;

/// <summary>
/// alert_audit ids come from IDENTITY when the row is inserted, and transactions commit in any order, so a smaller
/// position can become visible after a larger one; the tail re-reads such gaps by position.
/// </summary>
internal sealed class SqlServerAlertChangeLog(SqlServerDialect dialect)
    : SqlAlertChangeLog<DateTimeOffset>(dialect, new(LatestSql, AfterSql, PositionsSql), SqlServerTime.FromDb)
{
    private const string Columns = """
        aa.id AS Position, aa.actor AS Actor, aa.at AS ChangedAt, aa.from_state AS FromState, aa.to_state AS ToState,
        a.id AS Id, a.kind AS Kind, a.mention_id AS MentionId, a.brand AS Brand, a.team AS Team, a.priority AS Priority, a.state AS State,
        a.title AS Title, a.reasons AS Reasons, a.assigned_to AS AssignedTo, a.created_at AS CreatedAt, a.updated_at AS UpdatedAt,
        a.first_response_due_at AS FirstResponseDueAt, a.resolve_due_at AS ResolveDueAt, a.first_responded_at AS FirstRespondedAt,
        a.resolved_at AS ResolvedAt, a.dismiss_reason AS DismissReason, a.version AS Version
        """;

    private const string LatestSql = "SELECT COALESCE(MAX(id), CAST(0 AS bigint)) FROM dbo.alert_audit;";
    private const string AfterSql = $"""
        SELECT TOP (@limit) {Columns} FROM dbo.alert_audit aa JOIN dbo.alerts a ON a.id = aa.alert_id
        WHERE aa.id > @after ORDER BY aa.id;
        """;
    private const string PositionsSql = $"""
        SELECT {Columns} FROM dbo.alert_audit aa JOIN dbo.alerts a ON a.id = aa.alert_id
        WHERE aa.id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@positionsJson));
        """;
}
