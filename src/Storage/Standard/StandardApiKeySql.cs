namespace SocialWatch.Storage.Standard;

/// <summary>The ApiKey statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardApiKeySql
{
    public const string InsertSql = """
        INSERT INTO api_keys (name, prefix, hash, scopes, created_by, created_at) VALUES (@Name, @Prefix, @Hash, @Scopes, @CreatedBy, @CreatedAt)
        RETURNING id
        """;

    public const string AuditSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'api key', @Subject, @Action, @Detail)
        """;
}
