using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardFeedbackSql
{
    public static readonly FeedbackSql Statements = new(
        AddLabelSql: """
            INSERT INTO feedback_labels (text, brand, sentiment, complaint, escalate, origin, mention_id, actor, created_at)
            VALUES (@Text, @Brand, @Sentiment, @Complaint, @Escalate, @Origin, @MentionId, @Actor, @CreatedAt)
            RETURNING id
            """,
        GetLabelsSql: """
            SELECT id AS Id, text AS Text, brand AS Brand, sentiment AS Sentiment, complaint AS Complaint, escalate AS Escalate,
                origin AS Origin, mention_id AS MentionId, actor AS Actor, created_at AS CreatedAt
            FROM feedback_labels WHERE id > @afterId ORDER BY id LIMIT @limit
            """);
}
