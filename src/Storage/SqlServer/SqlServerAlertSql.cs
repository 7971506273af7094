using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

// Times that may be null are cast: a null parameter travels untyped (sql_variant), and COALESCE would take that type.
internal static class SqlServerAlertSql
{
    public static readonly AlertSql Statements = new()
    {
        // The mention's escalation is copied onto the alert for the top-risks index (ix_alerts_open_escalation); the
        // watch list's refreshes keep it in step with the mention's new score. mention_key (unique) holds one alert per
        // mention whichever host races for it: the second insert does nothing and is reported as AlertExistsException.
        // INSERT ... SELECT: T-SQL allows no subquery in a VALUES list.
        InsertAlertSql = """
            INSERT INTO dbo.alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to,
                created_at, updated_at, first_response_due_at, resolve_due_at, version, escalation_score, sla_policy, mention_key)
            OUTPUT inserted.id
            SELECT @Kind, @MentionId, @Brand, @Team, @Priority, @State, 1, @Title, @Reasons, NULL,
                @CreatedAt, @CreatedAt, CAST(@FirstResponseDueAt AS datetimeoffset), CAST(@ResolveDueAt AS datetimeoffset), 1,
                (SELECT m.escalation_score FROM dbo.mentions m WHERE m.id = @MentionId), @SlaPolicy, @MentionKey
            WHERE @MentionKey IS NULL OR NOT EXISTS (SELECT 1 FROM dbo.alerts WITH (UPDLOCK, HOLDLOCK) WHERE mention_key = @MentionKey);
            """,
        InsertAuditSql = """
            INSERT INTO dbo.alert_audit (alert_id, actor, at, from_state, to_state, note, mention_id, priority)
            VALUES (@AlertId, @Actor, @At, @FromState, @ToState, @Note, @MentionId, @AuditPriority);
            """,
        GetAlertSql = $"SELECT {SqlAlertStore.Columns} FROM dbo.alerts WHERE id = @id;",
        GetOpenSql = $"""
            SELECT TOP (@Limit) {SqlAlertStore.Columns} FROM dbo.alerts
            WHERE is_open = 1
              AND (@TeamsJson IS NULL OR team IN (SELECT [value] FROM OPENJSON(@TeamsJson)))
              AND (@Brand IS NULL OR brand = @Brand)
              AND (@MinPriority IS NULL OR priority >= @MinPriority)
              AND (@State IS NULL OR state = @State)
            ORDER BY priority DESC, CASE WHEN first_response_due_at IS NULL THEN 1 ELSE 0 END, first_response_due_at, created_at, id
            OPTION (RECOMPILE);
            """,

        // UPDLOCK: a concurrent change waits here until this transaction ends, then sees the new version.
        LockVersionSql = "SELECT state AS State, version AS Version FROM dbo.alerts WITH (UPDLOCK, ROWLOCK) WHERE id = @id;",
        ApplyChangeSql = """
            UPDATE dbo.alerts SET
                state = @State,
                is_open = @IsOpen,
                priority = COALESCE(@Priority, priority),
                assigned_to = CASE WHEN @Unassign = 1 THEN NULL ELSE COALESCE(@AssignedTo, assigned_to) END,
                first_response_due_at = COALESCE(CAST(@FirstResponseDueAt AS datetimeoffset), first_response_due_at),
                resolve_due_at = COALESCE(CAST(@ResolveDueAt AS datetimeoffset), resolve_due_at),
                first_responded_at = COALESCE(CAST(@FirstRespondedAt AS datetimeoffset), first_responded_at),
                resolved_at = COALESCE(CAST(@ResolvedAt AS datetimeoffset), resolved_at),
                dismiss_reason = COALESCE(@DismissReason, dismiss_reason),
                reasons = COALESCE(@Reasons, reasons),
                updated_at = @At,
                version = version + 1
            WHERE id = @AlertId AND version = @ExpectedVersion;
            """,
        GetAuditSql = """
            SELECT id AS Id, alert_id AS AlertId, actor AS Actor, at AS At, from_state AS FromState, to_state AS ToState, note AS Note
            FROM dbo.alert_audit WHERE alert_id = @alertId ORDER BY id;
            """,
    };
}
