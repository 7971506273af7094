using Dapper;
using SocialWatch.Core.Routing;

namespace SocialWatch.Storage.Stores;

internal sealed record RoutingRuleSql(string List, string Insert, string Update, string Delete, string AddAdminAudit);

public sealed class RoutingRuleNotFoundException(long id) : Exception($"Routing rule {id} does not exist.")
{
    public long RuleId { get; } = id;
}

/// <summary>Rules as JSON documents with their id and position in columns; every change is admin-audited.</summary>
internal sealed class SqlRoutingRuleStore(SqlDialect dialect, TimeProvider time, RoutingRuleSql sql) : IRoutingRuleStore
{
    private sealed class RuleRow
    {
        public long Id { get; set; }
        public string Body { get; set; } = "";
    }

    public async Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(sql.List, cancellationToken: cancellationToken));
        return [.. rows.Select(r => WorkflowJson.Deserialize<RoutingRule>(r.Body) with { Id = r.Id })];
    }

    public async Task<RoutingRule> SaveAsync(RoutingRule rule, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Name);
        if (rule.Action == RuleAction.Route && string.IsNullOrWhiteSpace(rule.Team))
        {
            throw new ArgumentException($"Rule '{rule.Name}' routes but names no team.", nameof(rule));
        }

        var body = WorkflowJson.Serialize(rule with { Id = 0 });
        var now = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        if (rule.Id == 0)
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql.Insert, new { Position = rule.Order, Body = body, At = now, Actor = actor }, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            id = rule.Id;
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                sql.Update, new { Id = id, Position = rule.Order, Body = body, At = now, Actor = actor }, transaction, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                throw new RoutingRuleNotFoundException(id);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            sql.AddAdminAudit,
            new { At = now, Actor = actor, Entity = "routing-rule", EntityKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = rule.Id == 0 ? "create" : "update", Body = body },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rule with { Id = id };
    }

    public async Task DeleteAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var now = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(sql.Delete, new { id }, transaction, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            throw new RoutingRuleNotFoundException(id);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            sql.AddAdminAudit,
            new { At = now, Actor = actor, Entity = "routing-rule", EntityKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = "delete", Body = (string?)null },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
