using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The mention statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>. Each dialect gives
/// the one that differs in approach: reading a page of mentions for a query (SQLite writes the statement per query
/// with only the filters in use; PostgreSQL plans each unprepared call with its values).
/// </summary>
internal static class StandardMentionSql
{
    public static MentionSql Statements(StandardSyntax s, string getMentionsSql) => new(
        // The first poll of a query may only create the cursor (or fill one stored as null): a second host that read
        // the same first page finds the row (on PostgreSQL after waiting on the new row's lock) and changes nothing.
        CreateCursorSql: """
            INSERT INTO cursors (query_key, value, updated_at) VALUES (@QueryKey, @NewCursor, @UpdatedAt)
            ON CONFLICT (query_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            WHERE cursors.value IS NULL
            """,

        // A concurrent mover blocks on the row (SQLite: on the one writer) and re-checks the value after the winner commits.
        MoveCursorSql: """
            UPDATE cursors SET value = @NewCursor, updated_at = @UpdatedAt
            WHERE query_key = @QueryKey AND value = @ExpectedCursor
            """,
        InsertHandOverSql: HandOverStatements.InsertSql,
        GetCursorSql: "SELECT value FROM cursors WHERE query_key = @queryKey",
        GetMentionSql: $"SELECT {MentionRowColumns.Select} FROM mentions WHERE id = @id",
        FindMentionSql: $"""
            SELECT {MentionRowColumns.Select} FROM mentions
            WHERE source = @source AND external_id = @externalId AND (CAST(@brand AS TEXT) IS NULL OR brand = @brand)
            ORDER BY id LIMIT 1
            """,
        GetMentionsSql: getMentionsSql,
        GetMentionsWithOpenAlertsSql: $"""
            SELECT {MentionRowColumns.Select} FROM mentions
            WHERE source = @source AND {s.IsFalse("redacted")}
              AND id IN (SELECT a.mention_id FROM alerts a WHERE {s.IsTrue("a.is_open")} AND a.mention_id IS NOT NULL)
            ORDER BY id DESC
            LIMIT @limit
            """,
        InsertSnapshotSql: """
            INSERT INTO engagement_snapshots (mention_id, at, likes, reposts, replies, quotes)
            VALUES (@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes)
            """,
        UpdateMetricsSql: """
            UPDATE mentions SET likes = @Likes, reposts = @Reposts, replies = @Replies, quotes = @Quotes WHERE id = @MentionId
            """,
        GetSnapshotsSql: """
            SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes
            FROM engagement_snapshots WHERE mention_id = @mentionId ORDER BY at, id
            """,
        RedactSql: $"""
            UPDATE mentions
            SET text = '', author_id = '', author_handle = '', author_display_name = NULL, author_followers = 0,
                author_verified = {s.False}, url = NULL, redacted = {s.True}
            WHERE source = @source AND external_id {s.InJsonList("externalIds")} AND {s.IsFalse("redacted")}
            """,
        SelectUnredactedSql: $"""
            SELECT id FROM mentions
            WHERE source = @source AND external_id {s.InJsonList("externalIds")} AND {s.IsFalse("redacted")}
            """);
}
