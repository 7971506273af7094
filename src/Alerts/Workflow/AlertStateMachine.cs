using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Workflow;

/// <summary>
/// The legal moves of an alert: new -> acknowledged -> responded -> resolved, or dismissed while still unanswered.
/// Answering at once (new -> responded) counts as acknowledging too. Only a re-complaint takes a resolved alert back
/// to new. Alerts that do not stand for a customer's post (spikes, broken promises, operator alerts) may be resolved
/// once acknowledged, since there is nobody to respond to.
/// </summary>
public static class AlertStateMachine
{
    public static bool CanMove(AlertKind kind, AlertState from, AlertState to) => (from, to) switch
    {
        (AlertState.New, AlertState.Acknowledged or AlertState.Responded or AlertState.Dismissed) => true,
        (AlertState.Acknowledged, AlertState.Responded or AlertState.Dismissed) => true,
        (AlertState.Acknowledged, AlertState.Resolved) => kind != AlertKind.Mention,
        (AlertState.Responded, AlertState.Resolved) => true,
        _ => false,
    };

    public static bool CanReopen(Alert alert) => alert.State == AlertState.Resolved;

    /// <summary>Throws <see cref="InvalidAlertTransitionException"/> when the move is not allowed.</summary>
    public static void EnsureCanMove(Alert alert, AlertState to)
    {
        if (!CanMove(alert.Kind, alert.State, to))
        {
            throw new InvalidAlertTransitionException(alert.Id, alert.State, to);
        }
    }
}
