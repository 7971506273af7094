using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

/// <param name="MayTakeOver">The actor leads the team (a manager) and may release an alert another agent holds.</param>
public sealed record UnclaimCommand(AlertCommand Alert, bool MayTakeOver = false);

/// <summary>The agent who holds an open alert (or a lead) gives it back to the team queue, unassigned, in its state.</summary>
public sealed class UnclaimAlert(IAlertStore alerts, IAlertNotifier notifier, TimeProvider time)
{
    public async Task<Alert> ExecuteAsync(UnclaimCommand command, CancellationToken cancellationToken)
    {
        var alert = await AlertLoader.LoadAsync(alerts, command.Alert, cancellationToken);
        if (!alert.IsOpen)
        {
            throw new AlertClosedException(alert.Id);
        }

        if (alert.AssignedTo is null)
        {
            throw new InvalidAlertCommandException(alert.Id, AlertCommandProblem.NotAssigned, $"Alert {alert.Id} is not assigned to anyone.");
        }

        if (!command.MayTakeOver)
        {
            AlertLoader.EnsureNotHeldByOther(alert, command.Alert.Actor);
        }

        var now = time.GetUtcNow();
        var updated = await alerts.ApplyAsync(
            new AlertChange
            {
                AlertId = alert.Id,
                ExpectedVersion = command.Alert.ExpectedVersion,
                Actor = command.Alert.Actor,
                At = now,
                Unassign = true,
                Note = command.Alert.Note ?? $"Unclaimed from {alert.AssignedTo}",
            },
            cancellationToken);
        notifier.Publish(new AlertEvent(AlertEventKind.Changed, updated, now, command.Alert.Actor, "unclaimed"));
        return updated;
    }
}
