using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Teams;
using SocialWatch.Core.Workflow;

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

    /// <summary>
    /// Same, with the team's profile already at hand (the router reads each team once per batch) and, when given, the
    /// batch's <paramref name="ledger"/> of the team's load: read once per batch and counted on in memory, so a page of
    /// alerts for one team costs two reads, not two per alert. Another host assigning in the same seconds is seen from
    /// the next batch on (capacity is a guide for spreading work, not a hard limit).
    /// </summary>
    public async Task<Alert> TryAssignAsync(Alert alert, TeamProfile? team, CancellationToken cancellationToken, RoundRobinLedger? ledger = null)
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

        ledger ??= new RoundRobinLedger();
        if (!ledger.Loaded)
        {
            ledger.Load = new Dictionary<string, int>(await queries.CountOpenByAssigneeAsync(team.Name, cancellationToken), StringComparer.OrdinalIgnoreCase);
            ledger.Last = await teams.GetLastAssigneeAsync(team.Name, cancellationToken);
            ledger.Loaded = true;
        }

        var load = ledger.Load;
        var last = ledger.Last;
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
            load[candidate.UserId] = load.GetValueOrDefault(candidate.UserId) + 1;
            ledger.Last = candidate.UserId;
            notifier.Publish(new AlertEvent(AlertEventKind.Changed, assigned, now, "round-robin", "assigned"));
            return assigned;
        }

        return alert;
    }
}

/// <summary>A round-robin team's open alerts per member and last assignee, as one batch of routing sees them.</summary>
public sealed class RoundRobinLedger
{
    internal bool Loaded { get; set; }

    internal Dictionary<string, int> Load { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    internal string? Last { get; set; }
}
