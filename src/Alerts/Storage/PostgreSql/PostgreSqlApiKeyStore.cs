using Dapper;
using SocialWatch.Alerts.Access;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlApiKeyStore(PostgreSqlConnectionFactory connections) : IApiKeyStore
{
    private const string Columns = """
        id AS Id, name AS Name, prefix AS Prefix, hash AS Hash, scopes AS Scopes, created_by AS CreatedBy,
        created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt
        """;

    private const string InsertSql = """
        INSERT INTO api_keys (name, prefix, hash, scopes, created_by, created_at) VALUES (@Name, @Prefix, @Hash, @Scopes, @CreatedBy, @CreatedAt)
        RETURNING id
        """;

    private const string AuditSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, 'api key', @Subject, @Action, @Detail)
        """;

    public async Task<ApiKey> CreateAsync(ApiKey key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
        {
            key.Name,
            key.Prefix,
            key.Hash,
            Scopes = UserRoles.Join(key.Scopes),
            key.CreatedBy,
            CreatedAt = PostgreSqlTime.ToDb(key.CreatedAt),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(AuditSql, new
        {
            Actor = key.CreatedBy,
            At = PostgreSqlTime.ToDb(key.CreatedAt),
            Subject = key.Name,
            Action = "created",
            Detail = $"prefix {key.Prefix}, scopes {UserRoles.Join(key.Scopes)}",
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return key with { Id = id };
    }

    private const string FindSql = $"SELECT {Columns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL";

    public async Task<ApiKey?> FindActiveByHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow<DateTime>>(new CommandDefinition(FindSql, new { hash }, cancellationToken: cancellationToken));
        return row?.ToApiKey(PostgreSqlTime.FromDb);
    }

    private const string ListSql = $"SELECT {Columns} FROM api_keys ORDER BY revoked_at IS NOT NULL, created_at DESC";

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow<DateTime>>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToApiKey(PostgreSqlTime.FromDb)).ToList();
    }

    private const string RevokeSql = "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL RETURNING name";

    public async Task<bool> RevokeAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(RevokeSql, new { id, at = PostgreSqlTime.ToDb(at) }, transaction, cancellationToken: cancellationToken));
        if (name is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(AuditSql, new { Actor = actor, At = PostgreSqlTime.ToDb(at), Subject = name, Action = "revoked", Detail = (string?)null }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string TouchSql = "UPDATE api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at - interval '1 minute')";

    public async Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { id, at = PostgreSqlTime.ToDb(at) }, cancellationToken: cancellationToken));
    }
}
