using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

/// <summary>An agent confirms they have seen the alert and are on it.</summary>
public sealed class AcknowledgeAlert(IAlertStore alerts, IAlertNotifier notifier, TimeProvider time)
{
    public Task<Alert> ExecuteAsync(AlertCommand command, CancellationToken cancellationToken) =>
        AlertTransition.RunAsync(alerts, notifier, time.GetUtcNow(), command, AlertState.Acknowledged, (_, change) => change, cancellationToken);
}
