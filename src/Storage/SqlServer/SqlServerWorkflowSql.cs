using SocialWatch.Core.Storage;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

// The statements of the workflow stores in SQL Server; each store is written once in Stores/.
// Upserts lock the key range (UPDLOCK, HOLDLOCK) so that two hosts inserting the same key serialise instead of
// one failing on the primary key. COUNT_BIG and bigint sums keep counts the same type as in the other dialects.

internal static class SqlServerTeamSql
{
    private const string GetSql = "SELECT body FROM dbo.teams WHERE name = @name;";
    private const string ListSql = "SELECT body FROM dbo.teams ORDER BY name;";
    private const string UpsertSql = """
        UPDATE dbo.teams WITH (UPDLOCK, HOLDLOCK) SET body = @Body, updated_at = @At, updated_by = @Actor WHERE name = @Name;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.teams (name, body, updated_at, updated_by) VALUES (@Name, @Body, @At, @Actor);
        """;
    private const string GetLastAssigneeSql = "SELECT last_assignee FROM dbo.team_rotation WHERE team = @team;";
    private const string SetLastAssigneeSql = """
        UPDATE dbo.team_rotation WITH (UPDLOCK, HOLDLOCK) SET last_assignee = @userId, updated_at = @At WHERE team = @team;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.team_rotation (team, last_assignee, updated_at) VALUES (@team, @userId, @At);
        """;

    public static readonly TeamSql Statements = new(GetSql, ListSql, UpsertSql, GetLastAssigneeSql, SetLastAssigneeSql, SqlServerAdminAudit.AddSql);
}

internal static class SqlServerAdminAudit
{
    public const string AddSql = """
        INSERT INTO dbo.admin_audit (at, actor, entity, entity_key, action, body) VALUES (@At, @Actor, @Entity, @EntityKey, @Action, @Body);
        """;
}

internal static class SqlServerRoutingRuleSql
{
    private const string ListSql = "SELECT id AS Id, body AS Body FROM dbo.routing_rules ORDER BY position, id;";
    private const string InsertSql = """
        INSERT INTO dbo.routing_rules (position, body, updated_at, updated_by) OUTPUT inserted.id VALUES (@Position, @Body, @At, @Actor);
        """;
    private const string UpdateSql = "UPDATE dbo.routing_rules SET position = @Position, body = @Body, updated_at = @At, updated_by = @Actor WHERE id = @Id;";
    private const string DeleteSql = "DELETE FROM dbo.routing_rules WHERE id = @id;";

    public static readonly RoutingRuleSql Statements = new(ListSql, InsertSql, UpdateSql, DeleteSql, SqlServerAdminAudit.AddSql);
}

internal static class SqlServerSlaPolicySql
{
    private const string GetSql = "SELECT body FROM dbo.sla_policies WHERE name = @name;";
    private const string ListSql = "SELECT body FROM dbo.sla_policies ORDER BY name;";
    private const string UpsertSql = """
        UPDATE dbo.sla_policies WITH (UPDLOCK, HOLDLOCK) SET body = @Body, updated_at = @At, updated_by = @Actor WHERE name = @Name;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.sla_policies (name, body, updated_at, updated_by) VALUES (@Name, @Body, @At, @Actor);
        """;

    public static readonly SlaPolicySql Statements = new(GetSql, ListSql, UpsertSql, SqlServerAdminAudit.AddSql);
}

internal static class SqlServerPromiseSql
{
    private const string Columns = """
        id AS Id, alert_id AS AlertId, [text] AS Text, due_at AS DueAt, created_by AS CreatedBy, created_at AS CreatedAt,
        kept_at AS KeptAt, kept_by AS KeptBy, broken_alert_id AS BrokenAlertId
        """;

    private const string InsertSql = """
        INSERT INTO dbo.promises (alert_id, [text], due_at, created_by, created_at) OUTPUT inserted.id
        VALUES (@AlertId, @Text, @DueAt, @CreatedBy, @CreatedAt);
        """;
    private const string GetSql = $"SELECT {Columns} FROM dbo.promises WHERE id = @id;";
    private const string ListForAlertSql = $"SELECT {Columns} FROM dbo.promises WHERE alert_id = @alertId ORDER BY due_at, id;";
    private const string MarkKeptSql = "UPDATE dbo.promises SET kept_at = @At, kept_by = @actor WHERE id = @id AND kept_at IS NULL;";
    private const string GetOverdueSql = $"""
        SELECT TOP (@Limit) {Columns} FROM dbo.promises
        WHERE kept_at IS NULL AND broken_alert_id IS NULL AND due_at <= @Now
        ORDER BY due_at, id;
        """;
    private const string MarkBrokenSql = "UPDATE dbo.promises SET broken_alert_id = @brokenAlertId WHERE id = @id AND broken_alert_id IS NULL;";

    public static readonly PromiseSql Statements = new(InsertSql, GetSql, ListForAlertSql, MarkKeptSql, GetOverdueSql, MarkBrokenSql);
}

internal static class SqlServerSpikeStateSql
{
    private const string GetSql = """
        SELECT brand AS Brand, active AS Active, started_at AS StartedAt, last_elevated_at AS LastElevatedAt,
            alert_id AS AlertId, cool_down_until AS CoolDownUntil
        FROM dbo.spike_states WHERE brand = @brand;
        """;
    private const string UpsertSql = """
        UPDATE dbo.spike_states WITH (UPDLOCK, HOLDLOCK)
        SET active = @Active, started_at = @StartedAt, last_elevated_at = @LastElevatedAt, alert_id = @AlertId, cool_down_until = @CoolDownUntil
        WHERE brand = @Brand;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.spike_states (brand, active, started_at, last_elevated_at, alert_id, cool_down_until)
            VALUES (@Brand, @Active, @StartedAt, @LastElevatedAt, @AlertId, @CoolDownUntil);
        """;

    public static readonly SpikeStateSql Statements = new(GetSql, UpsertSql);
}

internal static class SqlServerWorkflowQuerySql
{
    private const string CountOpenByAssigneeSql = """
        SELECT assigned_to AS AssignedTo, COUNT_BIG(*) AS OpenCount FROM dbo.alerts
        WHERE team = @team AND is_open = 1 AND assigned_to IS NOT NULL GROUP BY assigned_to;
        """;
    private const string FindRecentlyResolvedSql = """
        SELECT TOP (1) a.id FROM dbo.mentions m JOIN dbo.alerts a ON a.mention_id = m.id
        WHERE m.author_id = @authorId AND m.source = @source AND a.brand = @brand AND a.kind = N'Mention'
            AND a.state = N'Resolved' AND a.resolved_at >= @Since
        ORDER BY a.resolved_at DESC;
        """;
    // The mention's own alert, or an alert it reopened (a re-complaint: the audit row names the mention).
    private const string CountAlertsForMentionSql = "SELECT (SELECT COUNT_BIG(*) FROM dbo.alerts WHERE mention_id = @mentionId AND kind = N'Mention') + (SELECT COUNT_BIG(*) FROM dbo.alert_audit WHERE mention_id = @mentionId);";
    // mention_key holds the mention's one alert (migration 0011).
    private const string FindAlertForMentionSql = "SELECT id FROM dbo.alerts WHERE mention_key = @mentionId;";
    private const string HandledMentionsSql = """
        SELECT mention_id FROM dbo.alerts WHERE mention_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson)) AND kind = N'Mention'
        UNION
        SELECT mention_id FROM dbo.alert_audit WHERE mention_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson));
        """;
    private const string LatestSnapshotsSql = """
        SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes FROM (
            SELECT mention_id, at, likes, reposts, replies, quotes,
                ROW_NUMBER() OVER (PARTITION BY mention_id ORDER BY at DESC, id DESC) AS recency
            FROM dbo.engagement_snapshots WHERE mention_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson))
        ) AS latest
        WHERE recency <= 2;
        """;
    private const string CountWindowSql = """
        SELECT COUNT_BIG(*) AS Total, COALESCE(SUM(CASE WHEN sentiment = N'Negative' THEN CAST(1 AS bigint) ELSE 0 END), 0) AS Negative
        FROM dbo.mentions WHERE brand = @brand AND created_at >= @From AND created_at < @To;
        """;

    private const string ResolvedByAuthorsSql = """
        SELECT a.brand AS Brand, m.source AS Source, m.author_id AS AuthorId, a.id AS Id, a.resolved_at AS ResolvedAt
        FROM dbo.mentions m JOIN dbo.alerts a ON a.mention_id = m.id
        WHERE m.author_id IN (SELECT [value] FROM OPENJSON(@authorIdsJson)) AND a.kind = N'Mention' AND a.state = N'Resolved' AND a.resolved_at >= @Since;
        """;

    public static readonly WorkflowQuerySql Statements = new(
        CountOpenByAssigneeSql, FindRecentlyResolvedSql, CountAlertsForMentionSql, CountWindowSql, LatestSnapshotsSql, FindAlertForMentionSql, HandledMentionsSql, ResolvedByAuthorsSql);
}

internal static class SqlServerRetentionSql
{
    private const string SelectExpiredSql = """
        SELECT TOP (@Limit) m.id FROM dbo.mentions m
        WHERE m.brand = @brand AND m.created_at < @Cutoff
            AND NOT EXISTS (SELECT 1 FROM dbo.alerts a WHERE a.mention_id = m.id AND a.is_open = 1)
        ORDER BY m.created_at;
        """;
    private const string SelectByAuthorSql = "SELECT id FROM dbo.mentions WHERE author_id = @authorId AND source = @source;";
    // Deleted mentions' ids are unlinked from alerts (mention_id and the one-alert key) and their audit: SQLite may give a
    // deleted id to a new mention, which must be free to get an alert of its own.
    private const string ScrubAlertsSql = "UPDATE dbo.alerts SET title = @title, mention_id = NULL, mention_key = NULL WHERE mention_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson)); UPDATE dbo.alert_audit SET mention_id = NULL WHERE mention_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson));";
    private const string DeleteLabelsSql = "DELETE FROM dbo.feedback_labels WHERE mention_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson));";
    private const string DeleteMentionsSql = "DELETE FROM dbo.mentions WHERE id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson));";

    private const string FindAuthorIdsSql = """
        SELECT DISTINCT author_id FROM dbo.mentions
        WHERE source = @source AND author_id <> N'' AND (author_id = @author OR LOWER(author_handle) = LOWER(@handle))
        ORDER BY author_id;
        """;

    private const string Ids = "(SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson))";
    private const string AlertsOf = "SELECT id FROM dbo.alerts WHERE mention_id IN " + Ids;

    private const string CountTracesSql = $"""
        SELECT
            (SELECT COUNT(*) FROM dbo.engagement_snapshots WHERE mention_id IN {Ids}) AS Snapshots,
            (SELECT COUNT(*) FROM dbo.watch_entries WHERE mention_id IN {Ids}) AS WatchEntries,
            (SELECT COUNT(*) FROM dbo.alerts WHERE mention_id IN {Ids}) AS Alerts,
            (SELECT COUNT(*) FROM dbo.alert_audit WHERE note IS NOT NULL AND alert_id IN ({AlertsOf})) AS AlertNotes,
            (SELECT COUNT(*) FROM dbo.promises WHERE alert_id IN ({AlertsOf})) AS Promises,
            (SELECT COUNT(*) FROM dbo.feedback_labels WHERE mention_id IN {Ids}) AS FeedbackLabels,
            (SELECT COUNT(*) FROM dbo.notification_outbox WHERE alert_id IN ({AlertsOf})) AS Notifications;
        """;
    private const string ScrubAlertTitlesSql = $"UPDATE dbo.alerts SET title = @title WHERE mention_id IN {Ids};";
    private const string ScrubNotesSql = $"UPDATE dbo.alert_audit SET note = @note WHERE note IS NOT NULL AND alert_id IN ({AlertsOf});";
    private const string ScrubPromisesSql = $"""
        UPDATE dbo.alerts SET title = @title
        WHERE id IN (SELECT broken_alert_id FROM dbo.promises WHERE broken_alert_id IS NOT NULL AND alert_id IN ({AlertsOf}));
        UPDATE dbo.promises SET [text] = @text WHERE alert_id IN ({AlertsOf});
        """;
    private const string DeleteSnapshotsSql = $"DELETE FROM dbo.engagement_snapshots WHERE mention_id IN {Ids};";
    private const string DeleteTracedLabelsSql = $"DELETE FROM dbo.feedback_labels WHERE mention_id IN {Ids};";
    private const string DeleteNotificationsSql = $"DELETE FROM dbo.notification_outbox WHERE alert_id IN ({AlertsOf});";

    public static readonly RetentionSql Statements = new(SelectExpiredSql, SelectByAuthorSql, ScrubAlertsSql, DeleteLabelsSql, DeleteMentionsSql, FindAuthorIdsSql);

    public static readonly MentionTraceSql Traces = new(
        CountTracesSql, ScrubAlertTitlesSql, ScrubNotesSql, ScrubPromisesSql, DeleteSnapshotsSql, DeleteTracedLabelsSql, DeleteNotificationsSql);
}

internal static class SqlServerDataAuditSql
{
    private const string InsertSql = """
        INSERT INTO dbo.data_audit (action, subject, actor, at, [count], detail) VALUES (@Action, @Subject, @Actor, @At, @Count, @Detail);
        """;
    private const string ListSql = """
        SELECT TOP (@Limit) id AS Id, action AS Action, subject AS Subject, actor AS Actor, at AS At, [count] AS Count, detail AS Detail
        FROM dbo.data_audit WHERE at >= @Since ORDER BY id;
        """;

    public static readonly DataAuditSql Statements = new(InsertSql, ListSql);
}

internal static class SqlServerWebhookSql
{
    private const string ListSql = "SELECT id AS Id, body AS Body FROM dbo.webhooks ORDER BY id;";
    private const string InsertSql = "INSERT INTO dbo.webhooks (body, updated_at, updated_by) OUTPUT inserted.id VALUES (@Body, @At, @Actor);";
    private const string UpdateSql = "UPDATE dbo.webhooks SET body = @Body, updated_at = @At, updated_by = @Actor WHERE id = @Id;";
    private const string DeleteSql = "DELETE FROM dbo.webhooks WHERE id = @id;";

    public static readonly WebhookSql Statements = new(ListSql, InsertSql, UpdateSql, DeleteSql, SqlServerAdminAudit.AddSql);
}
