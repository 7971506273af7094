using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerModelVersionSql
{
    public static readonly ModelVersionSql Statements = new(
        InsertSql: """
            INSERT INTO dbo.model_versions (version, created_at, created_by, metrics_json, archive)
            SELECT @Version, @CreatedAt, @CreatedBy, @MetricsJson, @Archive
            WHERE NOT EXISTS (SELECT 1 FROM dbo.model_versions WITH (UPDLOCK, HOLDLOCK) WHERE version = @Version);
            """,
        ListSql: $"SELECT {SqlModelVersionStore.VersionColumns} FROM dbo.model_versions ORDER BY created_at DESC, version DESC",
        ArchiveSql: "SELECT archive FROM dbo.model_versions WHERE version = @version",
        PromotedSql: $"SELECT {SqlModelVersionStore.PromotedColumns} FROM dbo.promoted_model WHERE id = 1",
        // HOLDLOCK also locks the empty range before the first promotion, so two first promotions cannot both insert.
        LockPromotedSql: $"SELECT {SqlModelVersionStore.PromotedColumns} FROM dbo.promoted_model WITH (UPDLOCK, HOLDLOCK) WHERE id = 1",
        FindSql: "SELECT version AS Version, replaced AS Replaced FROM dbo.model_versions WHERE version = @version",
        SetReplacedSql: "UPDATE dbo.model_versions SET replaced = @replaced WHERE version = @version",
        UpsertPromotedSql: """
            UPDATE dbo.promoted_model SET version = @Version, previous = @Previous, promoted_at = @At, promoted_by = @Actor WHERE id = 1;
            IF @@ROWCOUNT = 0
                INSERT INTO dbo.promoted_model (id, version, previous, promoted_at, promoted_by) VALUES (1, @Version, @Previous, @At, @Actor);
            """,
        AuditSql: """
            INSERT INTO dbo.admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, N'model', @Subject, @Action, @Detail);
            """);
}
