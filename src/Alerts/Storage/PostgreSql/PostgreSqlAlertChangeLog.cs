using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.PostgreSql;

/// <summary>
/// alert_audit ids come from an identity sequence when the row is inserted, and transactions commit in any order,
/// so a smaller position can become visible after a larger one; the tail re-reads such gaps by position.
/// </summary>
internal sealed class PostgreSqlAlertChangeLog(PostgreSqlDialect dialect)
    : SqlAlertChangeLog<DateTime>(dialect, new(LatestSql, AfterSql, PositionsSql), PostgreSqlTime.FromDb)
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
    private const string PositionsSql = $"SELECT {Columns} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id WHERE aa.id = ANY(@positions)";
}
