using Dapper;
using SocialWatch.Alerts.Access;

namespace SocialWatch.Alerts.Storage.Sqlite;

internal sealed class SqliteAdminAuditStore(SqliteConnectionFactory connections) : IAdminAuditStore
{
    private const string InsertSql = """
        INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, @Area, @Subject, @Action, @Detail)
        """;

    public async Task AddAsync(AdminAuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            entry.Actor,
            At = SqliteTime.ToDb(entry.At),
            entry.Area,
            entry.Subject,
            entry.Action,
            entry.Detail,
        }, cancellationToken: cancellationToken));
    }

    private const string LatestSql = """
        SELECT id AS Id, actor AS Actor, at AS At, entity AS Area, entity_key AS Subject, action AS Action, body AS Detail
        FROM admin_audit ORDER BY id DESC LIMIT @limit
        """;

    public async Task<IReadOnlyList<AdminAuditEntry>> GetLatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AdminAuditRow<long>>(new CommandDefinition(LatestSql, new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry(SqliteTime.FromDb)).ToList();
    }
}
