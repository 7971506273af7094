using Dapper;
using SocialWatch.Alerts.Access;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlAdminAuditStore(PostgreSqlConnectionFactory connections) : IAdminAuditStore
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
            At = PostgreSqlTime.ToDb(entry.At),
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
        var rows = await connection.QueryAsync<AdminAuditRow<DateTime>>(new CommandDefinition(LatestSql, new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry(PostgreSqlTime.FromDb)).ToList();
    }
}
