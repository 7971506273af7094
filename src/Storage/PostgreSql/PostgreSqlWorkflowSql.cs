using SocialWatch.Core.Storage;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

// The statements of the workflow stores in PostgreSQL; each store is written once in Stores/.

internal static class PostgreSqlTeamSql
{
    private const string GetSql = "SELECT body FROM teams WHERE name = @name";
    private const string ListSql = "SELECT body FROM teams ORDER BY name";
    private const string UpsertSql = """
        INSERT INTO teams (name, body, updated_at, updated_by) VALUES (@Name, @Body, @At, @Actor)
        ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """;
    private const string GetLastAssigneeSql = "SELECT last_assignee FROM team_rotation WHERE team = @team";
    private const string SetLastAssigneeSql = """
        INSERT INTO team_rotation (team, last_assignee, updated_at) VALUES (@team, @userId, @At)
        ON CONFLICT (team) DO UPDATE SET last_assignee = excluded.last_assignee, updated_at = excluded.updated_at
        """;

    public static readonly TeamSql Statements = new(GetSql, ListSql, UpsertSql, GetLastAssigneeSql, SetLastAssigneeSql, PostgreSqlAdminAudit.AddSql);
}

internal static class PostgreSqlAdminAudit
{
    public const string AddSql = """
        INSERT INTO admin_audit (at, actor, entity, entity_key, action, body) VALUES (@At, @Actor, @Entity, @EntityKey, @Action, @Body)
        """;
}

internal static class PostgreSqlRoutingRuleSql
{
    private const string ListSql = "SELECT id AS Id, body AS Body FROM routing_rules ORDER BY position, id";
    private const string InsertSql = """
        INSERT INTO routing_rules (position, body, updated_at, updated_by) VALUES (@Position, @Body, @At, @Actor) RETURNING id
        """;
    private const string UpdateSql = "UPDATE routing_rules SET position = @Position, body = @Body, updated_at = @At, updated_by = @Actor WHERE id = @Id";
    private const string DeleteSql = "DELETE FROM routing_rules WHERE id = @id";

    public static readonly RoutingRuleSql Statements = new(ListSql, InsertSql, UpdateSql, DeleteSql, PostgreSqlAdminAudit.AddSql);
}

internal static class PostgreSqlSlaPolicySql
{
    private const string GetSql = "SELECT body FROM sla_policies WHERE name = @name";
    private const string ListSql = "SELECT body FROM sla_policies ORDER BY name";
    private const string UpsertSql = """
        INSERT INTO sla_policies (name, body, updated_at, updated_by) VALUES (@Name, @Body, @At, @Actor)
        ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """;

    public static readonly SlaPolicySql Statements = new(GetSql, ListSql, UpsertSql, PostgreSqlAdminAudit.AddSql);
}

internal static class PostgreSqlPromiseSql
{
    private const string Columns = """
        id AS Id, alert_id AS AlertId, text AS Text, due_at AS DueAt, created_by AS CreatedBy, created_at AS CreatedAt,
        kept_at AS KeptAt, kept_by AS KeptBy, broken_alert_id AS BrokenAlertId
        """;

    private const string InsertSql = """
        INSERT INTO promises (alert_id, text, due_at, created_by, created_at) VALUES (@AlertId, @Text, @DueAt, @CreatedBy, @CreatedAt) RETURNING id
        """;
    private const string GetSql = $"SELECT {Columns} FROM promises WHERE id = @id";
    private const string ListForAlertSql = $"SELECT {Columns} FROM promises WHERE alert_id = @alertId ORDER BY due_at, id";
    private const string MarkKeptSql = "UPDATE promises SET kept_at = @At, kept_by = @actor WHERE id = @id AND kept_at IS NULL";
    private const string GetOverdueSql = $"""
        SELECT {Columns} FROM promises
        WHERE kept_at IS NULL AND broken_alert_id IS NULL AND due_at <= @Now
        ORDER BY due_at, id LIMIT @Limit
        """;
    private const string MarkBrokenSql = "UPDATE promises SET broken_alert_id = @brokenAlertId WHERE id = @id AND broken_alert_id IS NULL";

    public static readonly PromiseSql Statements = new(InsertSql, GetSql, ListForAlertSql, MarkKeptSql, GetOverdueSql, MarkBrokenSql);
}

internal static class PostgreSqlSpikeStateSql
{
    private const string GetSql = """
        SELECT brand AS Brand, active AS Active, started_at AS StartedAt, last_elevated_at AS LastElevatedAt,
            alert_id AS AlertId, cool_down_until AS CoolDownUntil
        FROM spike_states WHERE brand = @brand
        """;
    private const string UpsertSql = """
        INSERT INTO spike_states (brand, active, started_at, last_elevated_at, alert_id, cool_down_until)
        VALUES (@Brand, @Active, @StartedAt, @LastElevatedAt, @AlertId, @CoolDownUntil)
        ON CONFLICT (brand) DO UPDATE SET active = excluded.active, started_at = excluded.started_at,
            last_elevated_at = excluded.last_elevated_at, alert_id = excluded.alert_id, cool_down_until = excluded.cool_down_until
        """;

    public static readonly SpikeStateSql Statements = new(GetSql, UpsertSql);
}

internal static class PostgreSqlWorkflowQuerySql
{
    private const string CountOpenByAssigneeSql = """
        SELECT assigned_to AS AssignedTo, COUNT(*) AS OpenCount FROM alerts
        WHERE team = @team AND is_open AND assigned_to IS NOT NULL GROUP BY assigned_to
        """;
    private const string FindRecentlyResolvedSql = """
        SELECT a.id FROM mentions m JOIN alerts a ON a.mention_id = m.id
        WHERE m.author_id = @authorId AND m.source = @source AND a.brand = @brand AND a.kind = 'Mention'
            AND a.state = 'Resolved' AND a.resolved_at >= @Since
        ORDER BY a.resolved_at DESC LIMIT 1
        """;
    // The mention's own alert, or an alert it reopened (a re-complaint: the audit row names the mention).
    private const string CountAlertsForMentionSql = "SELECT (SELECT COUNT(*) FROM alerts WHERE mention_id = @mentionId AND kind = 'Mention') + (SELECT COUNT(*) FROM alert_audit WHERE mention_id = @mentionId)";
    // mention_key holds the mention's one alert (migration 0011).
    private const string FindAlertForMentionSql = "SELECT id FROM alerts WHERE mention_key = @mentionId";
    private const string HandledMentionsSql = """
        SELECT mention_id FROM alerts WHERE mention_id = ANY(@ids) AND kind = 'Mention'
        UNION
        SELECT mention_id FROM alert_audit WHERE mention_id = ANY(@ids)
        """;
    private const string LatestSnapshotsSql = """
        SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes FROM (
            SELECT mention_id, at, likes, reposts, replies, quotes,
                ROW_NUMBER() OVER (PARTITION BY mention_id ORDER BY at DESC, id DESC) AS recency
            FROM engagement_snapshots WHERE mention_id = ANY(@ids)
        ) AS latest
        WHERE recency <= 2
        """;
    private const string CountWindowSql = """
        SELECT COUNT(*) AS Total, COALESCE(SUM(CASE WHEN sentiment = 'Negative' THEN 1 ELSE 0 END), 0) AS Negative
        FROM mentions WHERE brand = @brand AND created_at >= @From AND created_at < @To
        """;

    public static readonly WorkflowQuerySql Statements = new(CountOpenByAssigneeSql, FindRecentlyResolvedSql, CountAlertsForMentionSql, CountWindowSql, LatestSnapshotsSql, FindAlertForMentionSql, HandledMentionsSql);
}

internal static class PostgreSqlRetentionSql
{
    private const string SelectExpiredSql = """
        SELECT m.id FROM mentions m
        WHERE m.brand = @brand AND m.created_at < @Cutoff
            AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.mention_id = m.id AND a.is_open)
        ORDER BY m.created_at LIMIT @Limit
        """;
    private const string SelectByAuthorSql = "SELECT id FROM mentions WHERE author_id = @authorId AND source = @source";
    // Deleted mentions' ids are unlinked from alerts and their audit (SQLite may give a deleted id to a new mention).
    private const string ScrubAlertsSql = "UPDATE alerts SET title = @title, mention_id = NULL WHERE mention_id = ANY(@ids); UPDATE alert_audit SET mention_id = NULL WHERE mention_id = ANY(@ids)";
    private const string DeleteLabelsSql = "DELETE FROM feedback_labels WHERE mention_id = ANY(@ids)";
    private const string DeleteMentionsSql = "DELETE FROM mentions WHERE id = ANY(@ids)";

    public static readonly RetentionSql Statements = new(SelectExpiredSql, SelectByAuthorSql, ScrubAlertsSql, DeleteLabelsSql, DeleteMentionsSql);
}

internal static class PostgreSqlDataAuditSql
{
    private const string InsertSql = """
        INSERT INTO data_audit (action, subject, actor, at, count, detail) VALUES (@Action, @Subject, @Actor, @At, @Count, @Detail)
        """;
    private const string ListSql = """
        SELECT id AS Id, action AS Action, subject AS Subject, actor AS Actor, at AS At, count AS Count, detail AS Detail
        FROM data_audit WHERE at >= @Since ORDER BY id LIMIT @Limit
        """;

    public static readonly DataAuditSql Statements = new(InsertSql, ListSql);
}

internal static class PostgreSqlWebhookSql
{
    private const string ListSql = "SELECT id AS Id, body AS Body FROM webhooks ORDER BY id";
    private const string InsertSql = "INSERT INTO webhooks (body, updated_at, updated_by) VALUES (@Body, @At, @Actor) RETURNING id";
    private const string UpdateSql = "UPDATE webhooks SET body = @Body, updated_at = @At, updated_by = @Actor WHERE id = @Id";
    private const string DeleteSql = "DELETE FROM webhooks WHERE id = @id";

    public static readonly WebhookSql Statements = new(ListSql, InsertSql, UpdateSql, DeleteSql, PostgreSqlAdminAudit.AddSql);
}
