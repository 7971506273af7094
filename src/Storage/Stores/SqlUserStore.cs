using Dapper;
using SocialWatch.Core.Access;

namespace SocialWatch.Storage.Stores;

/// <summary>The statements one dialect runs for local accounts, and how it reports a duplicate user name.</summary>
internal sealed record UserSql(string FindSql, string ListSql, string CountSql, string InsertSql, string UpdateSql, string AuditSql);

/// <summary>Local accounts with hashed passwords; every save is written to the admin audit in the same transaction.</summary>
internal sealed class SqlUserStore(SqlDialect dialect, UserSql sql, TimeProvider time) : IUserStore
{
    public const string Columns = """
        id AS Id, user_name AS UserName, display_name AS DisplayName, email AS Email, password_hash AS PasswordHash,
        roles AS Roles, disabled AS Disabled, created_at AS CreatedAt
        """;

    public async Task<WebUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(sql.FindSql, new { userName }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<WebUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(sql.ListSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToUser())];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql.CountSql, cancellationToken: cancellationToken));
    }

    public async Task<WebUser> SaveAsync(WebUser user, string actor, CancellationToken cancellationToken)
    {
        var now = dialect.ToDb(time.GetUtcNow());
        var roles = UserRoles.Join(user.Roles);
        var args = new
        {
            user.Id,
            user.UserName,
            user.DisplayName,
            user.Email,
            user.PasswordHash,
            Roles = roles,
            user.Disabled,
            CreatedAt = dialect.ToDb(user.CreatedAt),
            UpdatedAt = now,
        };
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        try
        {
            if (user.Id == 0)
            {
                id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.InsertSql, args, transaction, cancellationToken: cancellationToken));
            }
            else
            {
                id = user.Id;
                await connection.ExecuteAsync(new CommandDefinition(sql.UpdateSql, args, transaction, cancellationToken: cancellationToken));
            }
        }
        catch (Exception e) when (dialect.IsDuplicateKey(e))
        {
            throw new DuplicateNameException("user", user.UserName);
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.AuditSql, new
        {
            Actor = actor,
            At = now,
            Subject = user.UserName,
            Action = user.Id == 0 ? "saved new" : "saved",
            Detail = $"roles {roles}{(user.Disabled ? ", disabled" : "")}",
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return user with { Id = id };
    }

    private sealed class AccountRow
    {
        public long Id { get; init; }
        public string UserName { get; init; } = "";
        public string? DisplayName { get; init; }
        public string? Email { get; init; }
        public string? PasswordHash { get; init; }
        public string? Roles { get; init; }
        public bool Disabled { get; init; }
        public object CreatedAt { get; init; } = 0L;

        public WebUser ToUser() => new()
        {
            Id = Id,
            UserName = UserName,
            DisplayName = DisplayName,
            Email = Email,
            PasswordHash = PasswordHash,
            Roles = UserRoles.Split(Roles),
            Disabled = Disabled,
            CreatedAt = SqlDialect.FromDb(CreatedAt),
        };
    }
}
