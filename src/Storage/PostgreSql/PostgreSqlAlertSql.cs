using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlAlertSql
{
    public static readonly AlertSql Statements = new()
    {
        // The mention's escalation is copied onto the alert for the top-risks index (ix_alerts_open_escalation); the
        // watch list's refreshes keep it in step with the mention's new score. mention_key (unique) holds one alert per
        // mention whichever host races for it: the second insert does nothing and is reported as AlertExistsException.
        InsertAlertSql = """
            INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to,
                created_at, updated_at, first_response_due_at, resolve_due_at, version, escalation_score, sla_policy, mention_key)
            VALUES (@Kind, @MentionId, @Brand, @Team, @Priority, @State, true, @Title, @Reasons, NULL,
                @CreatedAt, @CreatedAt, @FirstResponseDueAt::timestamptz, @ResolveDueAt::timestamptz, 1,
                (SELECT m.escalation_score FROM mentions m WHERE m.id = @MentionId), @SlaPolicy, @MentionKey)
            ON CONFLICT (mention_key) DO NOTHING
            RETURNING id
            """,
        InsertAuditSql = StandardAlertSql.InsertAuditSql,
        GetAlertSql = $"SELECT {SqlAlertStore.Columns} FROM alerts WHERE id = @id",
        GetOpenSql = $"""
            SELECT {SqlAlertStore.Columns} FROM alerts
            WHERE is_open
              AND (cardinality(@Teams::text[]) = 0 OR team = ANY(@Teams::text[]))
              AND (@Brand::text IS NULL OR brand = @Brand::text)
              AND (@MinPriority::smallint IS NULL OR priority >= @MinPriority::smallint)
              AND (@State::text IS NULL OR state = @State::text)
            ORDER BY priority DESC, first_response_due_at ASC NULLS LAST, created_at, id
            LIMIT @Limit
            """,

        // FOR UPDATE: a concurrent change waits here and then sees the new version.
        LockVersionSql = "SELECT state AS State, version AS Version FROM alerts WHERE id = @id FOR UPDATE",
        ApplyChangeSql = """
            UPDATE alerts SET
                state = @State,
                is_open = @IsOpen,
                priority = COALESCE(@Priority::smallint, priority),
                assigned_to = CASE WHEN @Unassign THEN NULL ELSE COALESCE(@AssignedTo::text, assigned_to) END,
                first_response_due_at = COALESCE(@FirstResponseDueAt::timestamptz, first_response_due_at),
                resolve_due_at = COALESCE(@ResolveDueAt::timestamptz, resolve_due_at),
                first_responded_at = COALESCE(@FirstRespondedAt::timestamptz, first_responded_at),
                resolved_at = COALESCE(@ResolvedAt::timestamptz, resolved_at),
                dismiss_reason = COALESCE(@DismissReason::text, dismiss_reason),
                reasons = COALESCE(@Reasons::text, reasons),
                updated_at = @At,
                version = version + 1
            WHERE id = @AlertId AND version = @ExpectedVersion
            """,
        GetAuditSql = StandardAlertSql.GetAuditSql,
    };
}
