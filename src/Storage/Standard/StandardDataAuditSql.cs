using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardDataAuditSql
{
    private const string InsertSql = """
        INSERT INTO data_audit (action, subject, actor, at, count, detail) VALUES (@Action, @Subject, @Actor, @At, @Count, @Detail)
        """;
    private const string ListSql = """
        SELECT id AS Id, action AS Action, subject AS Subject, actor AS Actor, at AS At, count AS Count, detail AS Detail
        FROM data_audit WHERE at >= @Since ORDER BY id LIMIT @Limit
        """;

    public static readonly DataAuditSql Statements = new(InsertSql, ListSql);
}
