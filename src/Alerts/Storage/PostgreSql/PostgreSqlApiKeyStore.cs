using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlApiKeyStore(PostgreSqlDialect dialect)
    : SqlApiKeyStore<DateTime>(dialect, new(InsertSql, AuditSql, FindSql, ListSql, RevokeSql, TouchSql), PostgreSqlTime.FromDb)
{
    private const string InsertSql = """
        INSERT INTO api_keys (name, prefix, hash, scopes, created_by, created_at) VALUES (@Name, @Prefix, @Hash, @Scopes, @CreatedBy, @CreatedAt)
        RETURNING id
        """;

    private const string AuditSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'api key', @Subject, @Action, @Detail)
        """;

    private const string FindSql = $"SELECT {Columns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL";
    private const string ListSql = $"SELECT {Columns} FROM api_keys ORDER BY revoked_at IS NOT NULL, created_at DESC";
    private const string RevokeSql = "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL RETURNING name";

    // Record a use at most once a minute.
    private const string TouchSql = "UPDATE api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at - interval '1 minute')";
}
