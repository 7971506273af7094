using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerFeedbackSql
{
    public static readonly FeedbackSql Statements = new(
        AddLabelSql: """
            INSERT INTO dbo.feedback_labels ([text], brand, sentiment, complaint, escalate, origin, mention_id, actor, created_at)
            OUTPUT inserted.id
            VALUES (@Text, @Brand, @Sentiment, @Complaint, @Escalate, @Origin, @MentionId, @Actor, @CreatedAt);
            """,
        GetLabelsSql: """
            SELECT TOP (@limit) id AS Id, [text] AS Text, brand AS Brand, sentiment AS Sentiment, complaint AS Complaint,
                escalate AS Escalate, origin AS Origin, mention_id AS MentionId, actor AS Actor, created_at AS CreatedAt
            FROM dbo.feedback_labels WHERE id > @afterId ORDER BY id;
            """);
}
