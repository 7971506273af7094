namespace SocialWatch.Storage.Standard;

/// <summary>The Mention statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardMentionSql
{
    public const string CreateCursorSql = """
        INSERT INTO cursors (query_key, value, updated_at) VALUES (@QueryKey, @NewCursor, @UpdatedAt)
        ON CONFLICT (query_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        WHERE cursors.value IS NULL
        """;

    public const string MoveCursorSql = """
        UPDATE cursors SET value = @NewCursor, updated_at = @UpdatedAt
        WHERE query_key = @QueryKey AND value = @ExpectedCursor
        """;

    public const string InsertSnapshotSql = """
        INSERT INTO engagement_snapshots (mention_id, at, likes, reposts, replies, quotes)
        VALUES (@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes)
        """;

    public const string UpdateMetricsSql = """
        UPDATE mentions SET likes = @Likes, reposts = @Reposts, replies = @Replies, quotes = @Quotes WHERE id = @MentionId
        """;

    public const string GetSnapshotsSql = """
        SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes
        FROM engagement_snapshots WHERE mention_id = @mentionId ORDER BY at, id
        """;
}
