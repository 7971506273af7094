using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The web user statements of SQLite and PostgreSQL, written once: user names compare regardless of case, as their unique index does.</summary>
internal static class StandardUserSql
{
    public static UserSql Statements(StandardSyntax s) => new(
        FindSql: $"SELECT {SqlUserStore.Columns} FROM web_users WHERE {s.SameName("user_name", "@userName")}",
        ListSql: $"SELECT {SqlUserStore.Columns} FROM web_users ORDER BY {s.ByName("user_name")}",
        CountSql: "SELECT CAST(COUNT(*) AS INTEGER) FROM web_users",
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
            """);
}
