using SocialWatch.Core.Alerts;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Sla;

/// <summary>Deadlines for a new or reopened alert: the named policy (or the default) in the team's working time.</summary>
public sealed class DeadlinePlanner(ITeamStore teams, ISlaPolicyStore policies)
{
    public async Task<SlaDeadlines> PlanAsync(string team, string? policyName, AlertPriority priority, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var profile = await GetTeamAsync(team, cancellationToken);
        var policy = await GetPolicyAsync(policyName, cancellationToken);
        return SlaCalculator.Compute(policy, priority, profile, from);
    }

    /// <summary>The team's profile; an unknown team works around the clock in UTC.</summary>
    public async Task<TeamProfile> GetTeamAsync(string team, CancellationToken cancellationToken) =>
        await teams.GetAsync(team, cancellationToken) ?? new TeamProfile { Name = team };

    /// <summary>The named policy; the built-in default when the name is null or unknown.</summary>
    public async Task<SlaPolicy> GetPolicyAsync(string? policyName, CancellationToken cancellationToken) =>
        (policyName is null ? null : await policies.GetAsync(policyName, cancellationToken)) ?? SlaPolicy.Default;
}
