using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

internal static class AlertLoader
{
    /// <summary>
    /// Reads the alert and refuses early when the agent's copy is stale; the store checks the version again when
    /// the change is written, so two agents racing past this point still end with one winner.
    /// </summary>
    public static async Task<Alert> LoadAsync(IAlertStore store, AlertCommand command, CancellationToken cancellationToken)
    {
        var alert = await store.GetAsync(command.AlertId, cancellationToken) ?? throw new AlertNotFoundException(command.AlertId);
        if (alert.Version != command.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(alert.Id, command.ExpectedVersion);
        }

        return alert;
    }

    public static void EnsureNotHeldByOther(Alert alert, string actor)
    {
        if (alert.AssignedTo is { } assignee && !string.Equals(assignee, actor, StringComparison.OrdinalIgnoreCase))
        {
            throw new AlertAlreadyClaimedException(alert.Id, assignee);
        }
    }
}
