using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerOutboxSql
{
    private const string InsertSql = "INSERT INTO dbo.notification_outbox (channel, target, alert_id, payload, due_at, created_at) VALUES (@Channel, @Target, @AlertId, @Payload, @At, @At);";

    // READPAST: rows another host is claiming at this moment go to that host; this one takes the next ones.
    private const string ClaimSql = """
        WITH due AS (
            SELECT TOP (@limit) id, claim, due_at, attempts FROM dbo.notification_outbox WITH (ROWLOCK, UPDLOCK, READPAST)
            WHERE gave_up_at IS NULL AND due_at <= @now ORDER BY id)
        UPDATE due SET claim = @claim, due_at = @until, attempts = attempts + 1;
        """;

    private const string ClaimedSql = "SELECT id AS Id, channel AS Channel, target AS Target, alert_id AS AlertId, payload AS Payload, attempts AS Attempts FROM dbo.notification_outbox WHERE claim = @claim ORDER BY id;";
    private const string CompleteSql = "DELETE FROM dbo.notification_outbox WHERE id = @id AND claim = @claim;";
    private const string RetrySql = "UPDATE dbo.notification_outbox SET due_at = @due, last_error = @error, claim = NULL WHERE id = @id AND claim = @claim;";
    private const string GiveUpSql = "UPDATE dbo.notification_outbox SET gave_up_at = @at, last_error = @error, claim = NULL WHERE id = @id AND claim = @claim;";
    private const string PendingSql = "SELECT COUNT_BIG(*) FROM dbo.notification_outbox WHERE gave_up_at IS NULL;";

    // UPDLOCK + HOLDLOCK: two hosts announcing the same event serialise on its key; the second inserts nothing.
    private const string AnnounceSql = """
        INSERT INTO dbo.announced_events (alert_id, event_key, announced_at)
        SELECT @AlertId, @Key, @At
        WHERE NOT EXISTS (SELECT 1 FROM dbo.announced_events WITH (UPDLOCK, HOLDLOCK) WHERE alert_id = @AlertId AND event_key = @Key);
        """;

    private const string AnnouncedSql = """
        SELECT alert_id, event_key FROM dbo.announced_events
        WHERE alert_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson)) AND event_key LIKE @Prefix;
        """;

    private const string UnannouncedSql = """
        SELECT TOP (@Limit) a.id FROM dbo.alerts a
        WHERE a.created_at >= @From AND a.created_at < @Before
          AND NOT EXISTS (SELECT 1 FROM dbo.announced_events n WHERE n.alert_id = a.id AND n.event_key = N'raised')
        ORDER BY a.id;
        """;

    private const string UnannouncedReopeningsSql = """
        SELECT TOP (@Limit) au.alert_id AS AlertId, au.mention_id AS MentionId FROM dbo.alert_audit au
        WHERE au.mention_id IS NOT NULL AND au.from_state IS NOT NULL AND au.at >= @From AND au.at < @Before
          AND NOT EXISTS (SELECT 1 FROM dbo.announced_events n WHERE n.alert_id = au.alert_id AND n.event_key = CONCAT(N'reopened:', au.mention_id))
        ORDER BY au.id;
        """;

    private const string RecordDeliverySql = """
        INSERT INTO dbo.notification_deliveries (channel, target, outbox_id, alert_id, at, outcome, status, error, retry_at)
        VALUES (@Channel, @Target, @OutboxId, @AlertId, @At, @Outcome, @Status, @Error, @RetryAt);
        """;

    public static readonly OutboxSql Statements = new(InsertSql, ClaimSql, ClaimedSql, CompleteSql, RetrySql, GiveUpSql, PendingSql, AnnounceSql, AnnouncedSql, UnannouncedSql, UnannouncedReopeningsSql, RecordDeliverySql);
}
