using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

/// <summary>An agent takes an alert from the team queue.</summary>
public sealed class ClaimAlert(IAlertStore alerts, IAlertNotifier notifier, TimeProvider time)
{
    public async Task<Alert> ExecuteAsync(AlertCommand command, CancellationToken cancellationToken)
    {
        var alert = await AlertLoader.LoadAsync(alerts, command, cancellationToken);
        if (!alert.IsOpen)
        {
            throw new AlertClosedException(alert.Id);
        }

        AlertLoader.EnsureNotHeldByOther(alert, command.Actor);

        var now = time.GetUtcNow();
        var updated = await alerts.ApplyAsync(
            new AlertChange
            {
                AlertId = alert.Id,
                ExpectedVersion = command.ExpectedVersion,
                Actor = command.Actor,
                At = now,
                AssignedTo = command.Actor,
                Note = command.Note ?? "Claimed",
            },
            cancellationToken);
        notifier.Publish(new AlertEvent(AlertEventKind.Changed, updated, now, command.Actor, "claimed"));
        return updated;
    }
}
