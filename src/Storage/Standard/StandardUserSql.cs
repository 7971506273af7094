namespace SocialWatch.Storage.Standard;

/// <summary>The User statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardUserSql
{
    public const string InsertSql = """
        INSERT INTO web_users (user_name, display_name, email, password_hash, roles, disabled, created_at, updated_at)
        VALUES (@UserName, @DisplayName, @Email, @PasswordHash, @Roles, @Disabled, @CreatedAt, @UpdatedAt)
        RETURNING id
        """;

    public const string UpdateSql = """
        UPDATE web_users SET user_name = @UserName, display_name = @DisplayName, email = @Email, password_hash = @PasswordHash,
            roles = @Roles, disabled = @Disabled, updated_at = @UpdatedAt
        WHERE id = @Id
        """;

    public const string AuditSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'user', @Subject, @Action, @Detail)
        """;
}
