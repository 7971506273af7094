using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerMentionSql
{
    public static readonly MentionSql Statements = new(
        // HOLDLOCK keeps the key range locked to the end of the transaction, so two hosts polling the same first page
        // cannot both insert the cursor row: the second waits, then finds a value and changes nothing.
        CreateCursorSql: """
            MERGE dbo.cursors WITH (HOLDLOCK) AS c
            USING (SELECT @QueryKey AS query_key) AS s ON c.query_key = s.query_key
            WHEN MATCHED AND c.value IS NULL THEN
                UPDATE SET value = @NewCursor, updated_at = @UpdatedAt
            WHEN NOT MATCHED THEN
                INSERT (query_key, value, updated_at) VALUES (@QueryKey, @NewCursor, @UpdatedAt);
            """,
        MoveCursorSql: """
            UPDATE dbo.cursors SET value = @NewCursor, updated_at = @UpdatedAt
            WHERE query_key = @QueryKey AND value = @ExpectedCursor;
            """,
        InsertHandOverSql: SqlServerHandOverSql.InsertSql,
        GetCursorSql: "SELECT value FROM dbo.cursors WHERE query_key = @queryKey;",
        GetMentionSql: $"SELECT {MentionRowColumns.Select} FROM dbo.mentions WHERE id = @id;",
        FindMentionSql: $"""
            SELECT TOP (1) {MentionRowColumns.Select} FROM dbo.mentions
            WHERE source = @source AND external_id = @externalId AND (@brand IS NULL OR brand = @brand)
            ORDER BY id;
            """,

        // RECOMPILE lets the optimizer see the actual values and drop the unused filters, so the brand, author or
        // id index is used instead of one plan shaped for every combination.
        GetMentionsSql: $"""
            SELECT TOP (@Limit) {MentionRowColumns.Select} FROM dbo.mentions
            WHERE (@Brand IS NULL OR brand = @Brand)
              AND (@Source IS NULL OR source = @Source)
              AND (@AuthorId IS NULL OR author_id = @AuthorId)
              AND (@Since IS NULL OR created_at >= @Since)
              AND (@Until IS NULL OR created_at < @Until)
              AND (@BeforeId IS NULL OR id < @BeforeId)
              AND (@TeamsJson = N'[]'
                   OR id IN (SELECT a.mention_id FROM dbo.alerts a WHERE a.mention_id IS NOT NULL
                             AND a.team IN (SELECT [value] FROM OPENJSON(@TeamsJson))))
            ORDER BY id DESC
            OPTION (RECOMPILE);
            """,
        GetMentionsWithOpenAlertsSql: $"""
            SELECT TOP (@limit) {MentionRowColumns.Select} FROM dbo.mentions
            WHERE source = @source AND redacted = 0
              AND id IN (SELECT a.mention_id FROM dbo.alerts AS a WHERE a.is_open = 1 AND a.mention_id IS NOT NULL)
            ORDER BY id DESC;
            """,
        InsertSnapshotSql: """
            INSERT INTO dbo.engagement_snapshots (mention_id, at, likes, reposts, replies, quotes)
            VALUES (@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes);
            """,
        UpdateMetricsSql: """
            UPDATE dbo.mentions SET likes = @Likes, reposts = @Reposts, replies = @Replies, quotes = @Quotes WHERE id = @MentionId;
            """,
        GetSnapshotsSql: """
            SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes
            FROM dbo.engagement_snapshots WHERE mention_id = @mentionId ORDER BY at, id;
            """,
        RedactSql: """
            UPDATE dbo.mentions
            SET [text] = N'', author_id = N'', author_handle = N'', author_display_name = NULL, author_followers = 0,
                author_verified = 0, url = NULL, redacted = 1
            WHERE source = @source AND redacted = 0
              AND external_id IN (SELECT [value] COLLATE Latin1_General_100_BIN2 FROM OPENJSON(@externalIdsJson));
            """,
        SelectUnredactedSql: """
            SELECT id FROM dbo.mentions
            WHERE source = @source AND redacted = 0
              AND external_id IN (SELECT [value] COLLATE Latin1_General_100_BIN2 FROM OPENJSON(@externalIdsJson));
            """);
}
