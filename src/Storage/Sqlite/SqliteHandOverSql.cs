using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteHandOverSql
{
    public static readonly HandOverSql Statements = HandOverStatements.ReturningAndLimit;
}
