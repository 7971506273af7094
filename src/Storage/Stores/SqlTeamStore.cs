using Dapper;
using SocialWatch.Core.Teams;

namespace SocialWatch.Storage.Stores;

internal sealed record TeamSql(string Get, string List, string Upsert, string GetLastAssignee, string SetLastAssignee, string AddAdminAudit);

/// <summary>Teams as JSON documents keyed by name; each save is written to the admin audit in the same transaction.</summary>
internal sealed class SqlTeamStore(SqlDialect dialect, TimeProvider time, TeamSql sql) : ITeamStore
{
    public async Task<TeamProfile?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var body = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql.Get, new { name }, cancellationToken: cancellationToken));
        return body is null ? null : WorkflowJson.Deserialize<TeamProfile>(body);
    }

    public async Task<IReadOnlyList<TeamProfile>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var bodies = await connection.QueryAsync<string>(new CommandDefinition(sql.List, cancellationToken: cancellationToken));
        return [.. bodies.Select(WorkflowJson.Deserialize<TeamProfile>)];
    }

    public async Task SaveAsync(TeamProfile team, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(team.Name);

        // Fails early on a time zone this machine does not know, before anything is stored.
        _ = team.TimeZone;
        var body = WorkflowJson.Serialize(team);
        var now = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Upsert, new { team.Name, Body = body, At = now, Actor = actor }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            sql.AddAdminAudit, new { At = now, Actor = actor, Entity = "team", EntityKey = team.Name, Action = "save", Body = body }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> GetLastAssigneeAsync(string team, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql.GetLastAssignee, new { team }, cancellationToken: cancellationToken));
    }

    public async Task SetLastAssigneeAsync(string team, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql.SetLastAssignee, new { team, userId, At = dialect.ToDb(time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }
}
