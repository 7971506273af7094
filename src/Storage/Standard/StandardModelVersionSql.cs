using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The model version statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardModelVersionSql
{
    public const string InsertSql = """
        INSERT INTO model_versions (version, created_at, created_by, metrics_json, archive)
        VALUES (@Version, @CreatedAt, @CreatedBy, @MetricsJson, @Archive)
        ON CONFLICT (version) DO NOTHING
        """;

    public const string ListSql = $"SELECT {SqlModelVersionStore.VersionColumns} FROM model_versions ORDER BY created_at DESC, version DESC";

    public const string ArchiveSql = "SELECT archive FROM model_versions WHERE version = @version";

    public const string PromotedSql = $"SELECT {SqlModelVersionStore.PromotedColumns} FROM promoted_model WHERE id = 1";

    public const string FindSql = "SELECT version AS Version, replaced AS Replaced FROM model_versions WHERE version = @version";

    public const string SetReplacedSql = "UPDATE model_versions SET replaced = @replaced WHERE version = @version";

    public const string UpsertPromotedSql = """
        INSERT INTO promoted_model (id, version, previous, promoted_at, promoted_by) VALUES (1, @Version, @Previous, @At, @Actor)
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, previous = excluded.previous,
            promoted_at = excluded.promoted_at, promoted_by = excluded.promoted_by
        """;

    public const string AuditSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'model', @Subject, @Action, @Detail)
        """;
}
