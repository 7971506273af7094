using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardHandOverSql
{
    public static readonly HandOverSql Statements = HandOverStatements.ReturningAndLimit;
}
