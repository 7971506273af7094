using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Teams;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

/// <summary>
/// Automatic assignment for teams that use it: the next active member after the last one assigned, skipping anyone
/// at their capacity of open alerts. When everyone is full the alert waits in the queue to be claimed.
/// </summary>
public sealed class RoundRobinAssigner(
    ITeamStore teams,
    IWorkflowQueries queries,
    IAlertStore alerts,
    IAlertNotifier notifier,
    TimeProvider time)
{
    public async Task<Alert> TryAssignAsync(Alert alert, CancellationToken cancellationToken) =>
        await TryAssignAsync(alert, await teams.GetAsync(alert.Team, cancellationToken), cancellationToken);

    /// <summary>Same, with the team's profile already at hand (the router reads each team once per batch).</summary>
    public async Task<Alert> TryAssignAsync(Alert alert, TeamProfile? team, CancellationToken cancellationToken)
    {
        if (alert.AssignedTo is not null || !alert.IsOpen || team is not { Assignment: AssignmentMode.RoundRobin })
        {
            return alert;
        }

        var members = team.Members.Where(m => m.Active && m.Capacity > 0).ToList();
        if (members.Count == 0)
        {
            return alert;
        }

        var load = await queries.CountOpenByAssigneeAsync(team.Name, cancellationToken);
        var last = await teams.GetLastAssigneeAsync(team.Name, cancellationToken);
        var start = members.FindIndex(m => string.Equals(m.UserId, last, StringComparison.OrdinalIgnoreCase)) + 1;
        for (var i = 0; i < members.Count; i++)
        {
            var candidate = members[(start + i) % members.Count];
            if (load.GetValueOrDefault(candidate.UserId) >= candidate.Capacity)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var assigned = await alerts.ApplyAsync(
                new AlertChange
                {
                    AlertId = alert.Id,
                    ExpectedVersion = alert.Version,
                    Actor = "round-robin",
                    At = now,
                    AssignedTo = candidate.UserId,
                    Note = $"Assigned to {candidate.UserId}",
                },
                cancellationToken);
            await teams.SetLastAssigneeAsync(team.Name, candidate.UserId, cancellationToken);
            notifier.Publish(new AlertEvent(AlertEventKind.Changed, assigned, now, "round-robin", "assigned"));
            return assigned;
        }

        return alert;
    }
}
