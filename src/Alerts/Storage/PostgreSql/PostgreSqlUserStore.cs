using Npgsql;
using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlUserStore(PostgreSqlDialect dialect, TimeProvider time)
    : SqlUserStore<DateTime>(dialect, time, new(FindSql, ListSql, CountSql, InsertSql, UpdateSql, AuditSql, IsDuplicate), PostgreSqlTime.FromDb)
{
    private const string FindSql = $"SELECT {Columns} FROM web_users WHERE lower(user_name) = lower(@userName)";
    private const string ListSql = $"SELECT {Columns} FROM web_users ORDER BY lower(user_name)";
    private const string CountSql = "SELECT COUNT(*)::int FROM web_users";

    private const string InsertSql = """
        INSERT INTO web_users (user_name, display_name, email, password_hash, roles, disabled, created_at, updated_at)
        VALUES (@UserName, @DisplayName, @Email, @PasswordHash, @Roles, @Disabled, @CreatedAt, @UpdatedAt)
        RETURNING id
        """;

    private const string UpdateSql = """
        UPDATE web_users SET user_name = @UserName, display_name = @DisplayName, email = @Email, password_hash = @PasswordHash,
            roles = @Roles, disabled = @Disabled, updated_at = @UpdatedAt
        WHERE id = @Id
        """;

    private const string AuditSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'user', @Subject, @Action, @Detail)
        """;

    private static bool IsDuplicate(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
