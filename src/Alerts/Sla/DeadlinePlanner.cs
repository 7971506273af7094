using SocialWatch.Alerts.Teams;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Sla;

/// <summary>Deadlines for a new or reopened alert: the named policy (or the default) in the team's working time.</summary>
public sealed class DeadlinePlanner(ITeamStore teams, ISlaPolicyStore policies)
{
    public async Task<SlaDeadlines> PlanAsync(string team, string? policyName, AlertPriority priority, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var profile = await teams.GetAsync(team, cancellationToken) ?? new TeamProfile { Name = team };
        var policy = await GetPolicyAsync(policyName, cancellationToken);
        return SlaCalculator.Compute(policy, priority, profile, from);
    }

    /// <summary>The named policy; the built-in default when the name is null or unknown.</summary>
    public async Task<SlaPolicy> GetPolicyAsync(string? policyName, CancellationToken cancellationToken) =>
        (policyName is null ? null : await policies.GetAsync(policyName, cancellationToken)) ?? SlaPolicy.Default;
}
