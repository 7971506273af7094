using Dapper;
using Microsoft.Data.SqlClient;
using SocialWatch.Alerts.Access;

namespace SocialWatch.Alerts.Storage.SqlServer;

internal sealed class SqlServerUserStore(SqlServerConnectionFactory connections, TimeProvider time) : IUserStore
{
    private const string Columns = """
        id AS Id, user_name AS UserName, display_name AS DisplayName, email AS Email, password_hash AS PasswordHash,
        roles AS Roles, disabled AS Disabled, created_at AS CreatedAt
        """;

    private const string FindSql = $"SELECT {Columns} FROM dbo.web_users WHERE user_name = @userName";

    public async Task<WebUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow<DateTimeOffset>>(new CommandDefinition(FindSql, new { userName }, cancellationToken: cancellationToken));
        return row?.ToUser(SqlServerTime.FromDb);
    }

    private const string ListSql = $"SELECT {Columns} FROM dbo.web_users ORDER BY user_name";

    public async Task<IReadOnlyList<WebUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow<DateTimeOffset>>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUser(SqlServerTime.FromDb)).ToList();
    }

    private const string CountSql = "SELECT COUNT(*) FROM dbo.web_users";

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, cancellationToken: cancellationToken));
    }

    private const string InsertSql = """
        INSERT INTO dbo.web_users (user_name, display_name, email, password_hash, roles, disabled, created_at, updated_at)
        OUTPUT INSERTED.id
        VALUES (@UserName, @DisplayName, @Email, @PasswordHash, @Roles, @Disabled, @CreatedAt, @UpdatedAt);
        """;

    private const string UpdateSql = """
        UPDATE dbo.web_users SET user_name = @UserName, display_name = @DisplayName, email = @Email, password_hash = @PasswordHash,
            roles = @Roles, disabled = @Disabled, updated_at = @UpdatedAt
        WHERE id = @Id;
        """;

    private const string AuditSql = """
        INSERT INTO dbo.admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, N'user', @Subject, @Action, @Detail);
        """;

    public async Task<WebUser> SaveAsync(WebUser user, string actor, CancellationToken cancellationToken)
    {
        var now = SqlServerTime.ToDb(time.GetUtcNow());
        var args = new
        {
            user.Id,
            user.UserName,
            user.DisplayName,
            user.Email,
            user.PasswordHash,
            Roles = UserRoles.Join(user.Roles),
            user.Disabled,
            CreatedAt = SqlServerTime.ToDb(user.CreatedAt),
            UpdatedAt = now,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        long id;
        try
        {
            if (user.Id == 0)
            {
                id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, args, transaction, cancellationToken: cancellationToken));
            }
            else
            {
                id = user.Id;
                await connection.ExecuteAsync(new CommandDefinition(UpdateSql, args, transaction, cancellationToken: cancellationToken));
            }
        }
        catch (SqlException e) when (e.Number is 2627 or 2601)
        {
            throw new DuplicateNameException("user", user.UserName);
        }

        await connection.ExecuteAsync(new CommandDefinition(AuditSql, new
        {
            Actor = actor,
            At = now,
            Subject = user.UserName,
            Action = user.Id == 0 ? "saved new" : "saved",
            Detail = $"roles {args.Roles}{(user.Disabled ? ", disabled" : "")}",
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return user with { Id = id };
    }
}
