using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Workflow;

/// <param name="Assignee">The user id of an active member of the alert's team.</param>
/// <param name="MayTakeOver">The actor leads the team (a manager) and may move an alert another agent holds.</param>
public sealed record AssignCommand(AlertCommand Alert, string Assignee, bool MayTakeOver = false);

/// <summary>
/// Someone hands an open alert to an agent of its team: an unassigned one, one they hold themselves, or (a lead) one
/// another agent holds. The state does not change; the audit says who assigned it to whom.
/// </summary>
public sealed class AssignAlert(IAlertStore alerts, ITeamStore teams, IAlertNotifier notifier, TimeProvider time)
{
    public async Task<Alert> ExecuteAsync(AssignCommand command, CancellationToken cancellationToken)
    {
        var alert = await AlertLoader.LoadAsync(alerts, command.Alert, cancellationToken);
        if (!alert.IsOpen)
        {
            throw new AlertClosedException(alert.Id);
        }

        if (!command.MayTakeOver)
        {
            AlertLoader.EnsureNotHeldByOther(alert, command.Alert.Actor);
        }

        var team = await teams.GetAsync(alert.Team, cancellationToken);
        var member = team?.Members.FirstOrDefault(m => m.Active && string.Equals(m.UserId, command.Assignee, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidAlertCommandException(
                alert.Id, AlertCommandProblem.AssigneeNotInTeam, $"{command.Assignee} is not an active member of team {alert.Team}.");

        var now = time.GetUtcNow();
        var updated = await alerts.ApplyAsync(
            new AlertChange
            {
                AlertId = alert.Id,
                ExpectedVersion = command.Alert.ExpectedVersion,
                Actor = command.Alert.Actor,
                At = now,
                AssignedTo = member.UserId,
                Note = command.Alert.Note ?? $"Assigned to {member.UserId}",
            },
            cancellationToken);
        notifier.Publish(new AlertEvent(AlertEventKind.Changed, updated, now, command.Alert.Actor, "assigned"));
        return updated;
    }
}
