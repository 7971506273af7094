using Dapper;
using SocialWatch.Core.Sla;

namespace SocialWatch.Storage.Stores;

internal sealed record SlaPolicySql(string Get, string List, string Upsert, string AddAdminAudit);

internal sealed class SqlSlaPolicyStore(SqlDialect dialect, TimeProvider time, SlaPolicySql sql) : ISlaPolicyStore
{
    public async Task<SlaPolicy?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var body = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql.Get, new { name }, cancellationToken: cancellationToken));
        return body is null ? null : WorkflowJson.Deserialize<SlaPolicy>(body);
    }

    public async Task<IReadOnlyList<SlaPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var bodies = await connection.QueryAsync<string>(new CommandDefinition(sql.List, cancellationToken: cancellationToken));
        return [.. bodies.Select(WorkflowJson.Deserialize<SlaPolicy>)];
    }

    public async Task SaveAsync(SlaPolicy policy, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy.Name);
        if (policy.Targets.Any(t => t.FirstResponse <= TimeSpan.Zero || t.Resolution < t.FirstResponse))
        {
            throw new ArgumentException($"SLA policy '{policy.Name}' needs positive deadlines with resolution no sooner than first response.", nameof(policy));
        }

        var body = WorkflowJson.Serialize(policy);
        var now = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Upsert, new { policy.Name, Body = body, At = now, Actor = actor }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            sql.AddAdminAudit, new { At = now, Actor = actor, Entity = "sla-policy", EntityKey = policy.Name, Action = "save", Body = body }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
