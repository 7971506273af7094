using System.Security.Claims;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Teams;

namespace SocialWatch.Host.Web.Alerts;

/// <summary>Which teams' alerts a signed-in person works: an agent their own teams, a manager every team.</summary>
public sealed class TeamScope(ITeamStore teams)
{
    /// <summary>
    /// Team names for the queue; empty means every team. An agent who belongs to no team yet (a fresh install)
    /// sees every queue rather than an empty screen, and the page says so.
    /// </summary>
    public async Task<UserTeams> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(SocialWatchRoles.Manager) || !user.IsInRole(SocialWatchRoles.Agent))
        {
            return new UserTeams([], AllBecauseManager: true, AllBecauseNoTeam: false);
        }

        var name = user.Identity?.Name ?? "";
        var mine = (await teams.ListAsync(cancellationToken))
            .Where(t => t.Members.Any(m => m.Active && string.Equals(m.UserId, name, StringComparison.OrdinalIgnoreCase)))
            .Select(t => t.Name)
            .ToList();
        return mine.Count == 0 ? new UserTeams([], AllBecauseManager: false, AllBecauseNoTeam: true) : new UserTeams(mine, false, false);
    }

    /// <summary>The teams the person is an active member of, whatever their role: the queue's "My team" view.</summary>
    public async Task<IReadOnlyList<TeamProfile>> MemberOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var name = user.Identity?.Name ?? "";
        return [.. (await teams.ListAsync(cancellationToken))
            .Where(t => t.Members.Any(m => m.Active && string.Equals(m.UserId, name, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Every team whose alerts <paramref name="scope"/> covers, with its members (the queue's assign list).</summary>
    public async Task<IReadOnlyList<TeamProfile>> TeamsInAsync(UserTeams scope, CancellationToken cancellationToken) =>
        [.. (await teams.ListAsync(cancellationToken)).Where(t => scope.Teams.Count == 0 || scope.Teams.Contains(t.Name, StringComparer.OrdinalIgnoreCase))];

    public static bool Covers(UserTeams scope, Alert alert) =>
        scope.Teams.Count == 0 || scope.Teams.Contains(alert.Team, StringComparer.OrdinalIgnoreCase);
}

public sealed record UserTeams(IReadOnlyList<string> Teams, bool AllBecauseManager, bool AllBecauseNoTeam);
