using Npgsql;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlUserSql
{
    public static readonly UserSql Statements = new(
        FindSql: $"SELECT {SqlUserStore.Columns} FROM web_users WHERE lower(user_name) = lower(@userName)",
        ListSql: $"SELECT {SqlUserStore.Columns} FROM web_users ORDER BY lower(user_name)",
        CountSql: "SELECT COUNT(*)::int FROM web_users",
        InsertSql: """
            INSERT INTO web_users (user_name, display_name, email, password_hash, roles, disabled, created_at, updated_at)
            VALUES (@UserName, @DisplayName, @Email, @PasswordHash, @Roles, @Disabled, @CreatedAt, @UpdatedAt)
            RETURNING id
            """,
        UpdateSql: """
            UPDATE web_users SET user_name = @UserName, display_name = @DisplayName, email = @Email, password_hash = @PasswordHash,
                roles = @Roles, disabled = @Disabled, updated_at = @UpdatedAt
            WHERE id = @Id
            """,
        AuditSql: """
            INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'user', @Subject, @Action, @Detail)
            """,
        IsDuplicate: IsDuplicate);

    private static bool IsDuplicate(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
