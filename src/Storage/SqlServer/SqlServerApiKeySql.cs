using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerApiKeySql
{
    public static readonly ApiKeySql Statements = new(
        InsertSql: """
            INSERT INTO dbo.api_keys (name, prefix, hash, scopes, created_by, created_at)
            OUTPUT INSERTED.id
            VALUES (@Name, @Prefix, @Hash, @Scopes, @CreatedBy, @CreatedAt);
            """,
        AuditSql: """
            INSERT INTO dbo.admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, N'api key', @Subject, @Action, @Detail);
            """,
        FindSql: $"SELECT {SqlApiKeyStore.Columns} FROM dbo.api_keys WHERE hash = @hash AND revoked_at IS NULL",
        ListSql: $"SELECT {SqlApiKeyStore.Columns} FROM dbo.api_keys ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, created_at DESC",
        RevokeSql: "UPDATE dbo.api_keys SET revoked_at = @at OUTPUT INSERTED.name WHERE id = @id AND revoked_at IS NULL;",
        // Record a use at most once a minute.
        TouchSql: "UPDATE dbo.api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @minuteAgo);");
}
