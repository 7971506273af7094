using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlApiKeySql
{
    public static readonly ApiKeySql Statements = new(
        InsertSql: StandardApiKeySql.InsertSql,
        AuditSql: StandardApiKeySql.AuditSql,
        FindSql: $"SELECT {SqlApiKeyStore.Columns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL",
        ListSql: $"SELECT {SqlApiKeyStore.Columns} FROM api_keys ORDER BY revoked_at IS NOT NULL, created_at DESC",
        RevokeSql: "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL RETURNING name",
        // Record a use at most once a minute.
        TouchSql: "UPDATE api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at - interval '1 minute')");
}
