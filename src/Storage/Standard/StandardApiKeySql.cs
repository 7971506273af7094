using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The API key statements SQLite and PostgreSQL both accept word for word.</summary>
internal static class StandardApiKeySql
{
    public static readonly ApiKeySql Statements = new(
        InsertSql: """
            INSERT INTO api_keys (name, prefix, hash, scopes, created_by, created_at) VALUES (@Name, @Prefix, @Hash, @Scopes, @CreatedBy, @CreatedAt)
            RETURNING id
            """,
        AuditSql: """
            INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'api key', @Subject, @Action, @Detail)
            """,
        FindSql: $"SELECT {SqlApiKeyStore.Columns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL",
        ListSql: $"SELECT {SqlApiKeyStore.Columns} FROM api_keys ORDER BY revoked_at IS NOT NULL, created_at DESC",
        RevokeSql: "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL RETURNING name",
        TouchSql: "UPDATE api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @minuteAgo)");
}
