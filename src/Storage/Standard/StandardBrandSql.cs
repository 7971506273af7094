using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The brand statements of SQLite and PostgreSQL, written once: names compare as the unique index does, regardless of case.</summary>
internal static class StandardBrandSql
{
    public static BrandSql Statements(StandardSyntax s) => new(
        List: $"SELECT {SqlBrandStore.Columns} FROM brands ORDER BY {s.ByName("name")}",
        Get: $"SELECT {SqlBrandStore.Columns} FROM brands WHERE {s.SameName("name", "@Name")}",
        Insert: """
            INSERT INTO brands (name, queries, retention_seconds, version, created_by, created_at, updated_by, updated_at)
            VALUES (@Name, @Queries, @RetentionSeconds, 1, @Actor, @At, @Actor, @At)
            """,
        Update: $"""
            UPDATE brands SET queries = @Queries, retention_seconds = @RetentionSeconds, version = version + 1, updated_by = @Actor, updated_at = @At
            WHERE {s.SameName("name", "@Name")} AND version = @ExpectedVersion
            """,
        Delete: $"DELETE FROM brands WHERE {s.SameName("name", "@Name")} AND version = @ExpectedVersion",
        Audit: """
            INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'brand', @Subject, @Action, @Detail)
            """);
}
