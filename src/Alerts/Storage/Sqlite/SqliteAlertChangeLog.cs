using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.Sqlite;

/// <summary>
/// SQLite commits one writer at a time and alert_audit ids are AUTOINCREMENT (never reused), so positions become
/// visible in order here; the tail's gap handling costs nothing on this dialect.
/// </summary>
internal sealed class SqliteAlertChangeLog(SqliteDialect dialect) : SqlAlertChangeLog<long>(dialect, new(LatestSql, AfterSql, PositionsSql), SqliteTime.FromDb)
{
    private const string Columns = """
        aa.id AS Position, aa.actor AS Actor, aa.at AS ChangedAt, aa.from_state AS FromState, aa.to_state AS ToState,
        a.id AS Id, a.kind AS Kind, a.mention_id AS MentionId, a.brand AS Brand, a.team AS Team, a.priority AS Priority, a.state AS State,
        a.title AS Title, a.reasons AS Reasons, a.assigned_to AS AssignedTo, a.created_at AS CreatedAt, a.updated_at AS UpdatedAt,
        a.first_response_due_at AS FirstResponseDueAt, a.resolve_due_at AS ResolveDueAt, a.first_responded_at AS FirstRespondedAt,
        a.resolved_at AS ResolvedAt, a.dismiss_reason AS DismissReason, a.version AS Version
        """;

    private const string LatestSql = "SELECT COALESCE(MAX(id), 0) FROM alert_audit";
    private const string AfterSql = $"""
        SELECT {Columns} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id
        WHERE aa.id > @after ORDER BY aa.id LIMIT @limit
        """;
    private const string PositionsSql = $"SELECT {Columns} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id WHERE aa.id IN @positions";
}
