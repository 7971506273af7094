using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerUserSql
{
    public static readonly UserSql Statements = new(
        FindSql: $"SELECT {SqlUserStore.Columns} FROM dbo.web_users WHERE user_name = @userName",
        ListSql: $"SELECT {SqlUserStore.Columns} FROM dbo.web_users ORDER BY user_name",
        CountSql: "SELECT COUNT(*) FROM dbo.web_users",
        InsertSql: """
            INSERT INTO dbo.web_users (user_name, display_name, email, password_hash, roles, disabled, created_at, updated_at)
            OUTPUT INSERTED.id
            VALUES (@UserName, @DisplayName, @Email, @PasswordHash, @Roles, @Disabled, @CreatedAt, @UpdatedAt);
            """,
        UpdateSql: """
            UPDATE dbo.web_users SET user_name = @UserName, display_name = @DisplayName, email = @Email, password_hash = @PasswordHash,
                roles = @Roles, disabled = @Disabled, updated_at = @UpdatedAt
            WHERE id = @Id;
            """,
        AuditSql: """
            INSERT INTO dbo.admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, N'user', @Subject, @Action, @Detail);
            """);
}
