using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlMentionSql
{
    public static readonly MentionSql Statements = new(
        // The first poll of a query may only create the cursor (or fill one stored as null). A second host that read
        // the same first page waits on the new row's lock and then finds a value, so it changes nothing.
        CreateCursorSql: StandardMentionSql.CreateCursorSql,

        // Under READ COMMITTED a concurrent mover blocks on the row and re-checks the value after the winner commits.
        MoveCursorSql: StandardMentionSql.MoveCursorSql,
        InsertHandOverSql: HandOverStatements.InsertSql,
        GetCursorSql: "SELECT value FROM cursors WHERE query_key = @queryKey",
        GetMentionSql: $"SELECT {MentionRowColumns.Select} FROM mentions WHERE id = @id",
        FindMentionSql: $"""
            SELECT {MentionRowColumns.Select} FROM mentions
            WHERE source = @source AND external_id = @externalId AND (@brand::text IS NULL OR brand = @brand::text)
            ORDER BY id LIMIT 1
            """,

        // Npgsql sends these unprepared, so PostgreSQL plans each call with the actual values and drops the unused filters.
        GetMentionsSql: $"""
            SELECT {MentionRowColumns.Select} FROM mentions
            WHERE (@Brand::text IS NULL OR brand = @Brand::text)
              AND (@Source::text IS NULL OR source = @Source::text)
              AND (@AuthorId::text IS NULL OR author_id = @AuthorId::text)
              AND (@Since::timestamptz IS NULL OR created_at >= @Since::timestamptz)
              AND (@Until::timestamptz IS NULL OR created_at < @Until::timestamptz)
              AND (@BeforeId::bigint IS NULL OR id < @BeforeId::bigint)
              AND (cardinality(@Teams::text[]) = 0
                   OR id IN (SELECT a.mention_id FROM alerts a WHERE a.mention_id IS NOT NULL AND lower(a.team) = ANY(@Teams::text[])))
            ORDER BY id DESC
            LIMIT @Limit
            """,
        GetMentionsWithOpenAlertsSql: $"""
            SELECT {MentionRowColumns.Select} FROM mentions
            WHERE source = @source AND NOT redacted
              AND id IN (SELECT a.mention_id FROM alerts a WHERE a.is_open AND a.mention_id IS NOT NULL)
            ORDER BY id DESC
            LIMIT @limit
            """,
        InsertSnapshotSql: StandardMentionSql.InsertSnapshotSql,
        UpdateMetricsSql: StandardMentionSql.UpdateMetricsSql,
        GetSnapshotsSql: StandardMentionSql.GetSnapshotsSql,
        RedactSql: """
            UPDATE mentions
            SET text = '', author_id = '', author_handle = '', author_display_name = NULL, author_followers = 0,
                author_verified = false, url = NULL, redacted = true
            WHERE source = @source AND external_id = ANY(@externalIds::text[]) AND NOT redacted
            """,
        SelectUnredactedSql: """
            SELECT id FROM mentions WHERE source = @source AND external_id = ANY(@externalIds::text[]) AND NOT redacted
            """);
}
