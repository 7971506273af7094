using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerAdminAuditSql
{
    public static readonly AdminAuditSql Statements = new(
        InsertSql: """
            INSERT INTO dbo.admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, @Area, @Subject, @Action, @Detail);
            """,
        LatestSql: """
            SELECT TOP (@limit) id AS Id, actor AS Actor, at AS At, entity AS Area, entity_key AS Subject, action AS Action, body AS Detail
            FROM dbo.admin_audit ORDER BY id DESC;
            """);
}
