using Npgsql;
using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlUserSql
{
    public static readonly UserSql Statements = new(
        FindSql: $"SELECT {SqlUserStore.Columns} FROM web_users WHERE lower(user_name) = lower(@userName)",
        ListSql: $"SELECT {SqlUserStore.Columns} FROM web_users ORDER BY lower(user_name)",
        CountSql: "SELECT COUNT(*)::int FROM web_users",
        InsertSql: StandardUserSql.InsertSql,
        UpdateSql: StandardUserSql.UpdateSql,
        AuditSql: StandardUserSql.AuditSql,
        IsDuplicate: IsDuplicate);

    private static bool IsDuplicate(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
