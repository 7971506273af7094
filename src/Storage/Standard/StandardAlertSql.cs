namespace SocialWatch.Storage.Standard;

/// <summary>The Alert statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardAlertSql
{
    public const string InsertAuditSql = """
        INSERT INTO alert_audit (alert_id, actor, at, from_state, to_state, note, mention_id, priority)
        VALUES (@AlertId, @Actor, @At, @FromState, @ToState, @Note, @MentionId, @AuditPriority)
        """;

    public const string GetAuditSql = """
        SELECT id AS Id, alert_id AS AlertId, actor AS Actor, at AS At, from_state AS FromState, to_state AS ToState, note AS Note
        FROM alert_audit WHERE alert_id = @alertId ORDER BY id
        """;
}
