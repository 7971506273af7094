using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

/// <summary>Shared steps of a state change: load, check the move and the holder, write with audit, announce.</summary>
internal static class AlertTransition
{
    public static async Task<Alert> RunAsync(
        IAlertStore alerts,
        IAlertNotifier notifier,
        DateTimeOffset now,
        AlertCommand command,
        AlertState to,
        Func<Alert, AlertChange, AlertChange> shape,
        CancellationToken cancellationToken)
    {
        var alert = await AlertLoader.LoadAsync(alerts, command, cancellationToken);
        AlertStateMachine.EnsureCanMove(alert, to);
        AlertLoader.EnsureNotHeldByOther(alert, command.Actor);

        var change = new AlertChange
        {
            AlertId = alert.Id,
            ExpectedVersion = command.ExpectedVersion,
            Actor = command.Actor,
            At = now,
            State = to,

            // Working an unassigned alert claims it, so the queue shows who is on it.
            AssignedTo = alert.AssignedTo is null && to != AlertState.Dismissed ? command.Actor : null,
            Note = command.Note,
        };
        var updated = await alerts.ApplyAsync(shape(alert, change), cancellationToken);
        notifier.Publish(new AlertEvent(AlertEventKind.Changed, updated, now, command.Actor, $"{alert.State} -> {to}"));
        return updated;
    }
}
