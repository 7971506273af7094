using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardAdminAuditSql
{
    public static readonly AdminAuditSql Statements = new(
        InsertSql: """
            INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, @Area, @Subject, @Action, @Detail)
            """,
        LatestSql: """
            SELECT id AS Id, actor AS Actor, at AS At, entity AS Area, entity_key AS Subject, action AS Action, body AS Detail
            FROM admin_audit ORDER BY id DESC LIMIT @limit
            """);
}
