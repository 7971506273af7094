using SocialWatch.Core.Storage;
using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

// The statements of the workflow stores in SQLite; each store is written once in Stores/.

internal static class SqliteWorkflowQuerySql
{
    private const string CountOpenByAssigneeSql = """
        SELECT assigned_to AS AssignedTo, COUNT(*) AS OpenCount FROM alerts
        WHERE team = @team AND is_open = 1 AND assigned_to IS NOT NULL GROUP BY assigned_to
        """;
    internal static readonly string FindRecentlyResolvedSql = $"""
        SELECT a.id FROM ({SqliteAuthorIndex.MentionIds("@authorId", "@source")}) AS k
        CROSS JOIN alerts a ON a.mention_id = k.mention_id
        WHERE a.brand = @brand AND a.kind = 'Mention'
            AND a.state = 'Resolved' AND a.resolved_at >= @Since
        ORDER BY a.resolved_at DESC LIMIT 1
        """;
    // The mention's own alert, or an alert it reopened (a re-complaint: the audit row names the mention).
    private const string CountAlertsForMentionSql = "SELECT (SELECT COUNT(*) FROM alerts WHERE mention_id = @mentionId AND kind = 'Mention') + (SELECT COUNT(*) FROM alert_audit WHERE mention_id = @mentionId)";
    // mention_key holds the mention's one alert (migration 0011).
    private const string FindAlertForMentionSql = "SELECT id FROM alerts WHERE mention_key = @mentionId";
    private const string HandledMentionsSql = """
        SELECT mention_id FROM alerts WHERE mention_id IN @ids AND kind = 'Mention'
        UNION
        SELECT mention_id FROM alert_audit WHERE mention_id IN @ids
        """;
    private const string LatestSnapshotsSql = """
        SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes FROM (
            SELECT mention_id, at, likes, reposts, replies, quotes,
                ROW_NUMBER() OVER (PARTITION BY mention_id ORDER BY at DESC, id DESC) AS recency
            FROM engagement_snapshots WHERE mention_id IN @ids
        ) AS latest
        WHERE recency <= 2
        """;
    private const string CountWindowSql = """
        SELECT COUNT(*) AS Total, COALESCE(SUM(CASE WHEN sentiment = 'Negative' THEN 1 ELSE 0 END), 0) AS Negative
        FROM mentions WHERE brand = @brand AND created_at >= @From AND created_at < @To
        """;

    internal static readonly string ResolvedByAuthorsSql = $"""
        SELECT a.brand AS Brand, m.source AS Source, m.author_id AS AuthorId, a.id AS Id, a.resolved_at AS ResolvedAt
        FROM ({SqliteAuthorIndex.UnionOfLevels(table => $"SELECT mention_id FROM {table} WHERE author_id IN (SELECT value FROM json_each(@authorIdsJson))")}) AS k
        CROSS JOIN alerts a ON a.mention_id = k.mention_id
        JOIN mentions m ON m.id = a.mention_id
        WHERE a.kind = 'Mention' AND a.state = 'Resolved' AND a.resolved_at >= @Since
        """;

    public static readonly WorkflowQuerySql Statements = new(
        CountOpenByAssigneeSql, FindRecentlyResolvedSql, CountAlertsForMentionSql, CountWindowSql, LatestSnapshotsSql, FindAlertForMentionSql, HandledMentionsSql, ResolvedByAuthorsSql);
}

internal static class SqliteRetentionSql
{
    private const string SelectExpiredSql = """
        SELECT m.id FROM mentions m
        WHERE m.brand = @brand AND m.created_at < @Cutoff
            AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.mention_id = m.id AND a.is_open = 1)
        ORDER BY m.created_at LIMIT @Limit
        """;
    internal static readonly string SelectByAuthorSql = $"SELECT id FROM mentions WHERE id IN ({SqliteAuthorIndex.MentionIds("@authorId", "@source")})";
    // Deleted mentions' ids are unlinked from alerts (mention_id and the one-alert key) and their audit: SQLite may give a
    // deleted id to a new mention, which must be free to get an alert of its own.
    private const string ScrubAlertsSql = "UPDATE alerts SET title = @title, mention_id = NULL, mention_key = NULL WHERE mention_id IN @ids; UPDATE alert_audit SET mention_id = NULL WHERE mention_id IN @ids";
    private const string DeleteLabelsSql = "DELETE FROM feedback_labels WHERE mention_id IN @ids";
    private const string DeleteMentionsSql = "DELETE FROM mentions WHERE id IN @ids";

    public static readonly RetentionSql Statements = new(SelectExpiredSql, SelectByAuthorSql, ScrubAlertsSql, DeleteLabelsSql, DeleteMentionsSql, StandardMentionTraceSql.FindAuthorIdsSql);

    public static readonly MentionTraceSql Traces = StandardMentionTraceSql.For("IN @ids");
}
