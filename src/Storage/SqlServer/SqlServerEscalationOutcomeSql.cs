using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerEscalationOutcomeSql
{
    public static readonly EscalationOutcomeSql Statements = new()
    {
        AlertsSql = """
            SELECT TOP (@limit) MentionId, DecidedAt, Raised, Dismissed FROM (
                SELECT a.id AS Id, a.mention_id AS MentionId, a.created_at AS DecidedAt,
                    CASE WHEN a.state = 'Dismissed' AND a.dismiss_reason IN ('not-a-complaint', 'spam') THEN 1 ELSE 0 END AS Dismissed,
                    CASE WHEN EXISTS (
                        SELECT 1 FROM dbo.alert_audit r JOIN dbo.alert_audit f ON f.alert_id = r.alert_id
                        WHERE r.alert_id = a.id AND f.id = (SELECT MIN(f2.id) FROM dbo.alert_audit f2 WHERE f2.alert_id = a.id)
                            AND r.id > f.id AND r.priority > f.priority AND r.actor NOT IN (SELECT [value] FROM OPENJSON(@automatedJson))) THEN 1 ELSE 0 END AS Raised
                FROM dbo.alerts a WHERE a.kind = 'Mention' AND a.mention_id IS NOT NULL
            ) AS o
            WHERE Raised = 1 OR Dismissed = 1
            ORDER BY Id DESC;
            """,
        SpreadSql = """
            SELECT TOP (@limit) m.id AS MentionId, m.ingested_at AS DecidedAt
            FROM dbo.mentions m JOIN dbo.engagement_snapshots s ON s.mention_id = m.id
            WHERE m.redacted = 0 AND (m.complaint >= @minComplaint OR m.sentiment = 'Negative')
            GROUP BY m.id, m.ingested_at, m.author_followers
            HAVING MAX(s.likes + s.reposts + s.replies + s.quotes) >= @minInteractions
                AND MAX(s.likes + s.reposts + s.replies + s.quotes) >= @reachShare * m.author_followers
            ORDER BY m.id DESC;
            """,
        MentionsSql = """
            SELECT id AS Id, text AS Text, author_id AS AuthorId, author_handle AS AuthorHandle, author_followers AS AuthorFollowers,
                author_verified AS AuthorVerified, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes, redacted AS Redacted
            FROM dbo.mentions WHERE id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson));
            """,
        SnapshotsSql = """
            SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes
            FROM dbo.engagement_snapshots WHERE mention_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson));
            """,
    };
}
