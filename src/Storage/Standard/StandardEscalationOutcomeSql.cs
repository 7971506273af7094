using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The escalation-outcome statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>.</summary>
internal static class StandardEscalationOutcomeSql
{
    public static EscalationOutcomeSql Statements(StandardSyntax s) => new()
    {
        AlertsSql = $"""
            SELECT MentionId, DecidedAt, Raised, Dismissed FROM (
                SELECT a.id AS Id, a.mention_id AS MentionId, a.created_at AS DecidedAt,
                    CASE WHEN a.state = 'Dismissed' AND a.dismiss_reason IN ('not-a-complaint', 'spam') THEN {s.True} ELSE {s.False} END AS Dismissed,
                    CASE WHEN EXISTS (
                        SELECT 1 FROM alert_audit r JOIN alert_audit f ON f.alert_id = r.alert_id
                        WHERE r.alert_id = a.id AND f.id = (SELECT MIN(f2.id) FROM alert_audit f2 WHERE f2.alert_id = a.id)
                            AND r.id > f.id AND r.priority > f.priority AND r.actor {s.NotInList("@automated")}) THEN {s.True} ELSE {s.False} END AS Raised
                FROM alerts a WHERE a.kind = 'Mention' AND a.mention_id IS NOT NULL
            ) AS o
            WHERE {s.IsTrue("Raised")} OR {s.IsTrue("Dismissed")}
            ORDER BY Id DESC LIMIT @limit
            """,
        SpreadSql = $"""
            SELECT m.id AS MentionId, m.ingested_at AS DecidedAt
            FROM mentions m JOIN engagement_snapshots s ON s.mention_id = m.id
            WHERE {s.IsFalse("m.redacted")} AND (m.complaint >= @minComplaint OR m.sentiment = 'Negative')
            GROUP BY m.id, m.ingested_at, m.author_followers
            HAVING MAX(s.likes + s.reposts + s.replies + s.quotes) >= @minInteractions
                AND MAX(s.likes + s.reposts + s.replies + s.quotes) >= @reachShare * m.author_followers
            ORDER BY m.id DESC LIMIT @limit
            """,
        MentionsSql = $"""
            SELECT id AS Id, text AS Text, author_id AS AuthorId, author_handle AS AuthorHandle, author_followers AS AuthorFollowers,
                author_verified AS AuthorVerified, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes, redacted AS Redacted
            FROM mentions WHERE id {s.InList("@ids")}
            """,
        SnapshotsSql = $"""
            SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes
            FROM engagement_snapshots WHERE mention_id {s.InList("@ids")}
            """,
    };
}
