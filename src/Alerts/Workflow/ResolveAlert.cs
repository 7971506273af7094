using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

/// <summary>The customer's problem is solved; stops the resolution clock.</summary>
public sealed class ResolveAlert(IAlertStore alerts, IAlertNotifier notifier, TimeProvider time)
{
    public Task<Alert> ExecuteAsync(AlertCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return AlertTransition.RunAsync(
            alerts, notifier, now, command, AlertState.Resolved, (_, change) => change with { ResolvedAt = now }, cancellationToken);
    }
}
