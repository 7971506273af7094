using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlAlertSql
{
    public static readonly AlertSql Statements = StandardAlertSql.Statements(
        PostgreSqlSyntax.Words,
        getOpenSql: $"""
            SELECT {SqlAlertStore.Columns} FROM alerts
            WHERE is_open
              AND (cardinality(@Teams::text[]) = 0 OR team = ANY(@Teams::text[]))
              AND (@Brand::text IS NULL OR brand = @Brand::text)
              AND (@MinPriority::smallint IS NULL OR priority >= @MinPriority::smallint)
              AND (@State::text IS NULL OR state = @State::text)
            ORDER BY priority DESC, first_response_due_at ASC NULLS LAST, created_at, id
            LIMIT @Limit
            """,
        // FOR UPDATE: a concurrent change waits here and then sees the new version.
        lockVersionSql: "SELECT state AS State, version AS Version FROM alerts WHERE id = @id FOR UPDATE");
}
