namespace SocialWatch.Core.Teams;

/// <summary>Teams as configured by admins.</summary>
public interface ITeamStore
{
    Task<TeamProfile?> GetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<TeamProfile>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a team with its members and hours; the change is written to the admin audit.</summary>
    Task SaveAsync(TeamProfile team, string actor, CancellationToken cancellationToken);

    /// <summary>The member who got the team's last automatic assignment (round-robin resumes after them).</summary>
    Task<string?> GetLastAssigneeAsync(string team, CancellationToken cancellationToken);

    Task SetLastAssigneeAsync(string team, string userId, CancellationToken cancellationToken);
}
