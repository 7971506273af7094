using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

/// <summary>An agent has answered the customer; stops the first-response clock.</summary>
public sealed class RespondToAlert(IAlertStore alerts, IAlertNotifier notifier, TimeProvider time)
{
    public Task<Alert> ExecuteAsync(AlertCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return AlertTransition.RunAsync(
            alerts,
            notifier,
            now,
            command,
            AlertState.Responded,
            (alert, change) => alert.FirstRespondedAt is null ? change with { FirstRespondedAt = now } : change,
            cancellationToken);
    }
}
