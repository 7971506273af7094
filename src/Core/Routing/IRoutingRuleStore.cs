namespace SocialWatch.Core.Routing;

/// <summary>Routing rules as admins edit them; every change is written to the admin audit.</summary>
public interface IRoutingRuleStore
{
    /// <summary>All rules, enabled or not, in evaluation order.</summary>
    Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the rule when its id is 0, else replaces it; returns it with its id.</summary>
    Task<RoutingRule> SaveAsync(RoutingRule rule, string actor, CancellationToken cancellationToken);

    Task DeleteAsync(long id, string actor, CancellationToken cancellationToken);
}
