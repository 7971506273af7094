using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The spread-query statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>.</summary>
internal static class StandardSpreadQuerySql
{
    public static SpreadQuerySql Statements(StandardSyntax s) => new()
    {
        SnapshotSeriesSql = $"""
            SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes FROM (
                SELECT mention_id, at, likes, reposts, replies, quotes,
                    ROW_NUMBER() OVER (PARTITION BY mention_id ORDER BY at DESC, id DESC) AS recency
                FROM engagement_snapshots WHERE mention_id {s.InList("@ids")} AND at >= @Since
            ) AS latest
            WHERE recency <= @Limit
            """,
        // The page of entries is picked first (ix_watch_entries_growth, migration 0016), then joined to its mentions.
        RecentlyGrowingSql = $"""
            SELECT w.mention_id AS MentionId, w.brand AS Brand, w.cadence_from AS GrowthSeenAt, w.watch_until AS WatchUntil, a.id AS AlertId,
                m.source AS Source, m.text AS Text, m.author_id AS AuthorId, m.author_handle AS AuthorHandle,
                m.author_display_name AS AuthorDisplayName, m.author_followers AS AuthorFollowers, m.author_verified AS AuthorVerified,
                m.url AS Url, CAST(m.likes AS {s.Double}) + m.reposts + m.replies + m.quotes AS Engagement, m.escalation_score AS EscalationScore,
                m.escalation_level AS EscalationLevel, m.p_negative AS PNegative, m.created_at AS CreatedAt
            FROM (
                SELECT mention_id, brand, cadence_from, watch_until FROM {s.Indexed("watch_entries", "ix_watch_entries_growth")}
                WHERE watch_until > @Now AND last_refreshed_at IS NOT NULL
                ORDER BY cadence_from DESC LIMIT @Limit
            ) w
            JOIN mentions m ON m.id = w.mention_id
            LEFT JOIN alerts a ON a.mention_key = w.mention_id
            ORDER BY w.cadence_from DESC, w.mention_id
            """,
    };
}
