using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerBrandSql
{
    // The default case-insensitive collation makes "=" ignore case like the unique constraint.
    private const string ListSql = $"SELECT {SqlBrandStore.Columns} FROM dbo.brands ORDER BY name";
    private const string GetSql = $"SELECT {SqlBrandStore.Columns} FROM dbo.brands WHERE name = @Name";

    private const string InsertSql = """
        INSERT INTO dbo.brands (name, queries, retention_seconds, version, created_by, created_at, updated_by, updated_at)
        VALUES (@Name, @Queries, @RetentionSeconds, 1, @Actor, @At, @Actor, @At);
        """;

    private const string UpdateSql = """
        UPDATE dbo.brands SET queries = @Queries, retention_seconds = @RetentionSeconds, version = version + 1, updated_by = @Actor, updated_at = @At
        WHERE name = @Name AND version = @ExpectedVersion;
        """;

    private const string DeleteSql = "DELETE FROM dbo.brands WHERE name = @Name AND version = @ExpectedVersion;";

    private const string AuditSql = """
        INSERT INTO dbo.admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, N'brand', @Subject, @Action, @Detail);
        """;

    public static readonly BrandSql Statements = new(ListSql, GetSql, InsertSql, UpdateSql, DeleteSql, AuditSql);
}
