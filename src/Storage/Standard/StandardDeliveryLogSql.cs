using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardDeliveryLogSql
{
    private const string CountsSql = """
        SELECT channel AS Channel, target AS Target,
               MAX(CASE WHEN outcome = 'Delivered' THEN at END) AS LastDeliveredAt,
               COUNT(CASE WHEN outcome = 'Delivered' AND at >= @Since THEN 1 END) AS DeliveredSince,
               COUNT(CASE WHEN outcome <> 'Delivered' AND at >= @Since THEN 1 END) AS FailedSince
        FROM notification_deliveries
        GROUP BY channel, target
        """;

    // Each receiver's last try and its last failed try: at most two rows per receiver, found by the receiver index.
    private const string LatestSql = """
        SELECT id AS Id, channel AS Channel, target AS Target, outbox_id AS OutboxId, alert_id AS AlertId, at AS At,
               outcome AS Outcome, status AS Status, error AS Error, retry_at AS RetryAt
        FROM notification_deliveries
        WHERE id IN (SELECT MAX(id) FROM notification_deliveries GROUP BY channel, target)
           OR id IN (SELECT MAX(id) FROM notification_deliveries WHERE outcome <> 'Delivered' GROUP BY channel, target)
        """;

    private const string BacklogSql = """
        SELECT channel AS Channel, target AS Target,
               COUNT(CASE WHEN gave_up_at IS NULL THEN 1 END) AS Pending,
               COUNT(gave_up_at) AS GivenUp
        FROM notification_outbox
        GROUP BY channel, target
        """;

    private const string GivenUpSql = """
        SELECT id AS Id, channel AS Channel, target AS Target, alert_id AS AlertId, attempts AS Attempts, gave_up_at AS GaveUpAt, last_error AS LastError
        FROM notification_outbox
        WHERE gave_up_at IS NOT NULL
        ORDER BY gave_up_at DESC, id DESC
        LIMIT @Limit
        """;

    private const string FindSql = """
        SELECT id AS Id, channel AS Channel, target AS Target, alert_id AS AlertId, attempts AS Attempts, gave_up_at AS GaveUpAt, last_error AS LastError
        FROM notification_outbox
        WHERE id = @Id AND gave_up_at IS NOT NULL
        """;

    // A fresh round of tries; last_error stays until the next try replaces it.
    private const string RetryGivenUpSql = "UPDATE notification_outbox SET gave_up_at = NULL, due_at = @Now, attempts = 0, claim = NULL WHERE id = @Id AND gave_up_at IS NOT NULL";

    private const string PruneSql = "DELETE FROM notification_deliveries WHERE at < @Before";

    public static readonly DeliveryLogSql Statements = new(CountsSql, LatestSql, BacklogSql, GivenUpSql, FindSql, RetryGivenUpSql, StandardAdminAudit.AddSql, PruneSql);
}
