using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteAlertSql
{
    public static readonly AlertSql Statements = StandardAlertSql.Statements(
        SqliteSyntax.Words,
        getOpenSql: $"""
            SELECT {SqlAlertStore.Columns} FROM alerts
            WHERE is_open = 1
              AND (@TeamsJson IS NULL OR team IN (SELECT value FROM json_each(@TeamsJson)))
              AND (@Brand IS NULL OR brand = @Brand)
              AND (@MinPriority IS NULL OR priority >= @MinPriority)
              AND (@State IS NULL OR state = @State)
            ORDER BY priority DESC, first_response_due_at IS NULL, first_response_due_at, created_at, id
            LIMIT @Limit
            """,
        // A plain read: transactions are IMMEDIATE, so the version cannot change before the update.
        lockVersionSql: "SELECT state AS State, version AS Version FROM alerts WHERE id = @id");
}
