using Microsoft.Data.Sqlite;
using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.Sqlite;

internal sealed class SqliteUserStore(SqliteDialect dialect, TimeProvider time)
    : SqlUserStore<long>(dialect, time, new(FindSql, ListSql, CountSql, InsertSql, UpdateSql, AuditSql, IsDuplicate), SqliteTime.FromDb)
{
    private const string FindSql = $"SELECT {Columns} FROM web_users WHERE user_name = @userName";
    private const string ListSql = $"SELECT {Columns} FROM web_users ORDER BY user_name";
    private const string CountSql = "SELECT COUNT(*) FROM web_users";

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

    // SQLITE_CONSTRAINT: the unique index on user_name (declared COLLATE NOCASE).
    private static bool IsDuplicate(Exception e) => e is SqliteException { SqliteErrorCode: 19 };
}
