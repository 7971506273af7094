using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The workflow-query statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>. Each dialect
/// gives the two that find an author's mentions, which differ in approach: SQLite reads its levelled author index
/// (migration 0008), PostgreSQL an index on mentions.
/// </summary>
internal static class StandardWorkflowQuerySql
{
    public static WorkflowQuerySql Statements(StandardSyntax s, string findRecentlyResolvedSql, string resolvedByAuthorsSql) => new(
        CountOpenByAssignee: $"""
            SELECT assigned_to AS AssignedTo, COUNT(*) AS OpenCount FROM alerts
            WHERE team = @team AND {s.IsTrue("is_open")} AND assigned_to IS NOT NULL GROUP BY assigned_to
            """,
        FindRecentlyResolved: findRecentlyResolvedSql,

        // The mention's own alert, or an alert it reopened (a re-complaint: the audit row names the mention).
        CountAlertsForMention: "SELECT (SELECT COUNT(*) FROM alerts WHERE mention_id = @mentionId AND kind = 'Mention') + (SELECT COUNT(*) FROM alert_audit WHERE mention_id = @mentionId)",
        CountWindow: """
            SELECT COUNT(*) AS Total, COALESCE(SUM(CASE WHEN sentiment = 'Negative' THEN 1 ELSE 0 END), 0) AS Negative
            FROM mentions WHERE brand = @brand AND created_at >= @From AND created_at < @To
            """,
        LatestSnapshots: $"""
            SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes FROM (
                SELECT mention_id, at, likes, reposts, replies, quotes,
                    ROW_NUMBER() OVER (PARTITION BY mention_id ORDER BY at DESC, id DESC) AS recency
                FROM engagement_snapshots WHERE mention_id {s.InList("@ids")}
            ) AS latest
            WHERE recency <= 2
            """,

        // mention_key holds the mention's one alert (migration 0011).
        FindAlertForMention: "SELECT id FROM alerts WHERE mention_key = @mentionId",
        HandledMentions: $"""
            SELECT mention_id FROM alerts WHERE mention_id {s.InList("@ids")} AND kind = 'Mention'
            UNION
            SELECT mention_id FROM alert_audit WHERE mention_id {s.InList("@ids")}
            """,
        ResolvedByAuthors: resolvedByAuthorsSql);
}

/// <summary>
/// The retention and erasure statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>; each
/// dialect gives how it finds an author's mentions.
/// </summary>
internal static class StandardRetentionSql
{
    public static RetentionSql Statements(StandardSyntax s, string selectByAuthorSql) => new(
        SelectExpired: $"""
            SELECT m.id FROM mentions m
            WHERE m.brand = @brand AND m.created_at < @Cutoff
                AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.mention_id = m.id AND {s.IsTrue("a.is_open")})
            ORDER BY m.created_at LIMIT @Limit
            """,
        SelectByAuthor: selectByAuthorSql,

        // Deleted mentions' ids are unlinked from alerts (mention_id and the one-alert key) and their audit: SQLite may
        // give a deleted id to a new mention, which must be free to get an alert of its own.
        ScrubAlerts: $"UPDATE alerts SET title = @title, mention_id = NULL, mention_key = NULL WHERE mention_id {s.InList("@ids")}; UPDATE alert_audit SET mention_id = NULL WHERE mention_id {s.InList("@ids")}",
        DeleteLabels: $"DELETE FROM feedback_labels WHERE mention_id {s.InList("@ids")}",
        DeleteMentions: $"DELETE FROM mentions WHERE id {s.InList("@ids")}",
        FindAuthorIds: StandardMentionTraceSql.FindAuthorIdsSql);

    /// <summary>What erasure and source deletes remove beside a mention, for the dialect's list membership.</summary>
    public static MentionTraceSql Traces(StandardSyntax s) => StandardMentionTraceSql.For(s.InList("@ids"));
}
