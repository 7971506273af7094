using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlMentionSql
{
    public static readonly MentionSql Statements = StandardMentionSql.Statements(
        PostgreSqlSyntax.Words,
        // Npgsql sends these unprepared, so PostgreSQL plans each call with the actual values and drops the unused filters.
        getMentionsSql: $"""
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
            """);
}
