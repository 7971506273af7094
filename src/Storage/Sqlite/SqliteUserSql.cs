using Microsoft.Data.Sqlite;
using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteUserSql
{
    public static readonly UserSql Statements = new(
        FindSql: $"SELECT {SqlUserStore.Columns} FROM web_users WHERE user_name = @userName",
        ListSql: $"SELECT {SqlUserStore.Columns} FROM web_users ORDER BY user_name",
        CountSql: "SELECT COUNT(*) FROM web_users",
        InsertSql: StandardUserSql.InsertSql,
        UpdateSql: StandardUserSql.UpdateSql,
        AuditSql: StandardUserSql.AuditSql,
        IsDuplicate: IsDuplicate);

    // SQLITE_CONSTRAINT: the unique index on user_name (declared COLLATE NOCASE).
    private static bool IsDuplicate(Exception e) => e is SqliteException { SqliteErrorCode: 19 };
}
