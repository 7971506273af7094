using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteAlertSql
{
    public static readonly AlertSql Statements = new()
    {
        // The mention's escalation is copied onto the alert for the top-risks index (ix_alerts_open_escalation); the
        // watch list's refreshes keep it in step with the mention's new score. mention_key (unique) holds one alert per
        // mention whichever host races for it: the second insert does nothing and is reported as AlertExistsException.
        InsertAlertSql = """
            INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to,
                created_at, updated_at, first_response_due_at, resolve_due_at, version, escalation_score, sla_policy, mention_key)
            VALUES (@Kind, @MentionId, @Brand, @Team, @Priority, @State, 1, @Title, @Reasons, NULL,
                @CreatedAt, @CreatedAt, @FirstResponseDueAt, @ResolveDueAt, 1,
                (SELECT m.escalation_score FROM mentions m WHERE m.id = @MentionId), @SlaPolicy, @MentionKey)
            ON CONFLICT (mention_key) DO NOTHING
            RETURNING id
            """,
        InsertAuditSql = StandardAlertSql.InsertAuditSql,
        GetAlertSql = $"SELECT {SqlAlertStore.Columns} FROM alerts WHERE id = @id",
        GetOpenSql = $"""
            SELECT {SqlAlertStore.Columns} FROM alerts
            WHERE is_open = 1
              AND (@TeamsJson IS NULL OR team IN (SELECT value FROM json_each(@TeamsJson)))
              AND (@Brand IS NULL OR brand = @Brand)
              AND (@MinPriority IS NULL OR priority >= @MinPriority)
              AND (@State IS NULL OR state = @State)
            ORDER BY priority DESC, first_response_due_at IS NULL, first_response_due_at, created_at, id
            LIMIT @Limit
            """,

        // A plain read: transactions are IMMEDIATE, so the version cannot change before the update.
        LockVersionSql = "SELECT state AS State, version AS Version FROM alerts WHERE id = @id",
        ApplyChangeSql = """
            UPDATE alerts SET
                state = @State,
                is_open = @IsOpen,
                priority = COALESCE(@Priority, priority),
                assigned_to = CASE WHEN @Unassign = 1 THEN NULL ELSE COALESCE(@AssignedTo, assigned_to) END,
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
        GetAuditSql = StandardAlertSql.GetAuditSql,
    };
}
