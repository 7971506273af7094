using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Teams;

namespace SocialWatch.Alerts.Routing;

/// <summary>
/// Teams and SLA policies read once per batch of routed or re-scored mentions: an admin's edit applies from the next
/// batch on.
/// </summary>
public sealed class RoutingSettings(DeadlinePlanner deadlines)
{
    private readonly Dictionary<string, TeamProfile> _teams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlaPolicy> _policies = new(StringComparer.Ordinal);

    public async Task<TeamProfile> TeamAsync(string name, CancellationToken cancellationToken)
    {
        if (!_teams.TryGetValue(name, out var team))
        {
            team = _teams[name] = await deadlines.GetTeamAsync(name, cancellationToken);
        }

        return team;
    }

    /// <summary>The named policy; the default one for null or an unknown name.</summary>
    public async Task<SlaPolicy> PolicyAsync(string? name, CancellationToken cancellationToken)
    {
        var key = name ?? "";
        if (!_policies.TryGetValue(key, out var policy))
        {
            policy = _policies[key] = await deadlines.GetPolicyAsync(name, cancellationToken);
        }

        return policy;
    }
}
