using Npgsql;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlBrandSql
{
    // lower(name) is what the unique index covers.
    private const string ListSql = $"SELECT {SqlBrandStore.Columns} FROM brands ORDER BY lower(name)";
    private const string GetSql = $"SELECT {SqlBrandStore.Columns} FROM brands WHERE lower(name) = lower(@Name)";

    private const string InsertSql = """
        INSERT INTO brands (name, queries, retention_seconds, version, created_by, created_at, updated_by, updated_at)
        VALUES (@Name, @Queries, @RetentionSeconds, 1, @Actor, @At, @Actor, @At)
        """;

    private const string UpdateSql = """
        UPDATE brands SET queries = @Queries, retention_seconds = @RetentionSeconds, version = version + 1, updated_by = @Actor, updated_at = @At
        WHERE lower(name) = lower(@Name) AND version = @ExpectedVersion
        """;

    private const string DeleteSql = "DELETE FROM brands WHERE lower(name) = lower(@Name) AND version = @ExpectedVersion";

    private const string AuditSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'brand', @Subject, @Action, @Detail)
        """;

    private static bool IsDuplicate(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static readonly BrandSql Statements = new(ListSql, GetSql, InsertSql, UpdateSql, DeleteSql, AuditSql, IsDuplicate);
}
