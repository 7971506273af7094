using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerDeliveryLogSql
{
    private const string CountsSql = """
        SELECT channel AS Channel, target AS Target,
               MAX(CASE WHEN outcome = N'Delivered' THEN at END) AS LastDeliveredAt,
               COUNT_BIG(CASE WHEN outcome = N'Delivered' AND at >= @Since THEN 1 END) AS DeliveredSince,
               COUNT_BIG(CASE WHEN outcome <> N'Delivered' AND at >= @Since THEN 1 END) AS FailedSince
        FROM dbo.notification_deliveries
        GROUP BY channel, target;
        """;

    private const string LatestSql = """
        SELECT id AS Id, channel AS Channel, target AS Target, outbox_id AS OutboxId, alert_id AS AlertId, at AS At,
               outcome AS Outcome, status AS Status, error AS Error, retry_at AS RetryAt
        FROM dbo.notification_deliveries
        WHERE id IN (SELECT MAX(id) FROM dbo.notification_deliveries GROUP BY channel, target)
           OR id IN (SELECT MAX(id) FROM dbo.notification_deliveries WHERE outcome <> N'Delivered' GROUP BY channel, target);
        """;

    private const string BacklogSql = """
        SELECT channel AS Channel, target AS Target,
               COUNT_BIG(CASE WHEN gave_up_at IS NULL THEN 1 END) AS Pending,
               COUNT_BIG(gave_up_at) AS GivenUp
        FROM dbo.notification_outbox
        GROUP BY channel, target;
        """;

    private const string GivenUpSql = """
        SELECT TOP (@Limit) id AS Id, channel AS Channel, target AS Target, alert_id AS AlertId, attempts AS Attempts, gave_up_at AS GaveUpAt, last_error AS LastError
        FROM dbo.notification_outbox
        WHERE gave_up_at IS NOT NULL
        ORDER BY gave_up_at DESC, id DESC;
        """;

    private const string FindSql = """
        SELECT id AS Id, channel AS Channel, target AS Target, alert_id AS AlertId, attempts AS Attempts, gave_up_at AS GaveUpAt, last_error AS LastError
        FROM dbo.notification_outbox WITH (UPDLOCK)
        WHERE id = @Id AND gave_up_at IS NOT NULL;
        """;

    private const string RetryGivenUpSql = "UPDATE dbo.notification_outbox SET gave_up_at = NULL, due_at = @Now, attempts = 0, claim = NULL WHERE id = @Id AND gave_up_at IS NOT NULL;";

    private const string PruneSql = "DELETE FROM dbo.notification_deliveries WHERE at < @Before;";

    public static readonly DeliveryLogSql Statements = new(CountsSql, LatestSql, BacklogSql, GivenUpSql, FindSql, RetryGivenUpSql, SqlServerAdminAudit.AddSql, PruneSql);
}
