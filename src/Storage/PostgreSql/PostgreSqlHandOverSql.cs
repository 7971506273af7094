using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlHandOverSql
{
    public static readonly HandOverSql Statements = HandOverStatements.ReturningAndLimit;
}
