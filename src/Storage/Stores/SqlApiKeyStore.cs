using Dapper;
using SocialWatch.Core.Access;

namespace SocialWatch.Storage.Stores;

/// <summary>The statements one dialect runs for API keys; the C# around them is shared. TouchSql records a use at most once
/// a minute: it takes @at and @minuteAgo.</summary>
internal sealed record ApiKeySql(string InsertSql, string AuditSql, string FindSql, string ListSql, string RevokeSql, string TouchSql);

/// <summary>API keys stored as SHA-256 hashes; creating and revoking one is written to the admin audit in the same transaction.</summary>
internal sealed class SqlApiKeyStore(SqlDialect dialect, ApiKeySql sql) : IApiKeyStore
{
    public const string Columns = """
        id AS Id, name AS Name, prefix AS Prefix, hash AS Hash, scopes AS Scopes, created_by AS CreatedBy,
        created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt
        """;

    public async Task<ApiKey> CreateAsync(ApiKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var scopes = UserRoles.Join(key.Scopes);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.InsertSql, new
        {
            key.Name,
            key.Prefix,
            key.Hash,
            Scopes = scopes,
            key.CreatedBy,
            CreatedAt = dialect.ToDb(key.CreatedAt),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.AuditSql, new
        {
            Actor = key.CreatedBy,
            At = dialect.ToDb(key.CreatedAt),
            Subject = key.Name,
            Action = "created",
            Detail = $"prefix {key.Prefix}, scopes {scopes}",
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return key with { Id = id };
    }

    public async Task<ApiKey?> FindActiveByHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(sql.FindSql, new { hash }, cancellationToken: cancellationToken));
        return row?.ToApiKey();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(sql.ListSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToApiKey())];
    }

    public async Task<bool> RevokeAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql.RevokeSql, new { id, at = dialect.ToDb(at), minuteAgo = dialect.ToDb(at.AddMinutes(-1)) }, transaction, cancellationToken: cancellationToken));
        if (name is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.AuditSql, new { Actor = actor, At = dialect.ToDb(at), Subject = name, Action = "revoked", Detail = (string?)null }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.TouchSql, new { id, at = dialect.ToDb(at), minuteAgo = dialect.ToDb(at.AddMinutes(-1)) }, cancellationToken: cancellationToken));
    }

    private sealed class KeyRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string Hash { get; init; } = "";
        public string? Scopes { get; init; }
        public string CreatedBy { get; init; } = "";
        public object CreatedAt { get; init; } = 0L;
        public object? LastUsedAt { get; init; }
        public object? RevokedAt { get; init; }

        public ApiKey ToApiKey() => new()
        {
            Id = Id,
            Name = Name,
            Prefix = Prefix,
            Hash = Hash,
            Scopes = UserRoles.Split(Scopes),
            CreatedBy = CreatedBy,
            CreatedAt = SqlDialect.FromDb(CreatedAt),
            LastUsedAt = SqlDialect.FromDbNullable(LastUsedAt),
            RevokedAt = SqlDialect.FromDbNullable(RevokedAt),
        };
    }
}
