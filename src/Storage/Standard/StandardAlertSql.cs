using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The alert statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>. Each dialect gives the
/// two that differ in approach: reading the open queue (a team list as JSON or as an array) and locking the version.
/// </summary>
internal static class StandardAlertSql
{
    public static AlertSql Statements(StandardSyntax s, string getOpenSql, string lockVersionSql) => new()
    {
        // The mention's escalation is copied onto the alert for the top-risks index (ix_alerts_open_escalation); the
        // watch list's refreshes keep it in step with the mention's new score. mention_key (unique) holds one alert per
        // mention whichever host races for it: the second insert does nothing and is reported as AlertExistsException.
        InsertAlertSql = $"""
            INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to,
                created_at, updated_at, first_response_due_at, resolve_due_at, version, escalation_score, sla_policy, mention_key)
            VALUES (@Kind, @MentionId, @Brand, @Team, @Priority, @State, {s.True}, @Title, @Reasons, NULL,
                @CreatedAt, @CreatedAt, @FirstResponseDueAt, @ResolveDueAt, 1,
                (SELECT m.escalation_score FROM mentions m WHERE m.id = @MentionId), @SlaPolicy, @MentionKey)
            ON CONFLICT (mention_key) DO NOTHING
            RETURNING id
            """,
        InsertAuditSql = """
            INSERT INTO alert_audit (alert_id, actor, at, from_state, to_state, note, mention_id, priority)
            VALUES (@AlertId, @Actor, @At, @FromState, @ToState, @Note, @MentionId, @AuditPriority)
            """,
        GetAlertSql = $"SELECT {SqlAlertStore.Columns} FROM alerts WHERE id = @id",
        GetOpenSql = getOpenSql,
        LockVersionSql = lockVersionSql,
        ApplyChangeSql = """
            UPDATE alerts SET
                state = @State,
                is_open = @IsOpen,
                priority = COALESCE(@Priority, priority),
                assigned_to = CASE WHEN @Unassign THEN NULL ELSE COALESCE(@AssignedTo, assigned_to) END,
                first_response_due_at = COALESCE(@FirstResponseDueAt, first_response_due_at),
                resolve_due_at = COALESCE(@ResolveDueAt, resolve_due_at),
                first_responded_at = COALESCE(@FirstRespondedAt, first_responded_at),
                resolved_at = COALESCE(@ResolvedAt, resolved_at),
                dismiss_reason = COALESCE(@DismissReason, dismiss_reason),
                reasons = COALESCE(@Reasons, reasons),
                updated_at = @At,
                version = version + 1
            WHERE id = @AlertId AND version = @ExpectedVersion
            """,
        GetAuditSql = """
            SELECT id AS Id, alert_id AS AlertId, actor AS Actor, at AS At, from_state AS FromState, to_state AS ToState, note AS Note
            FROM alert_audit WHERE alert_id = @alertId ORDER BY id
            """,
    };
}
