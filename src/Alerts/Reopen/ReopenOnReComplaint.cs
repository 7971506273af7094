using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Reopen;

/// <summary>
/// A customer who complains again soon after their case was closed was not helped: the old case comes back to new,
/// one priority step higher, with fresh deadlines, instead of starting a new case nobody connects to the old one.
/// </summary>
public sealed class ReopenOnReComplaint(
    IWorkflowQueries queries,
    IAlertStore alerts,
    DeadlinePlanner deadlines,
    IAlertNotifier notifier,
    IOptions<ReopenOptions> options,
    TimeProvider time)
{
    private const int Attempts = 3;

    /// <summary>Reopens the author's recently resolved case, or returns null when there is none to reopen.</summary>
    public async Task<Alert?> TryReopenAsync(StoredMention stored, RouteDecision decision, CancellationToken cancellationToken)
    {
        var mention = stored.Mention;
        if (string.IsNullOrEmpty(mention.Author.Id) || options.Value.Window <= TimeSpan.Zero)
        {
            return null;
        }

        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var previous = await queries.FindRecentlyResolvedAsync(mention.Brand, mention.Source, mention.Author.Id, now - options.Value.Window, cancellationToken);
            if (previous is null || !AlertStateMachine.CanReopen(previous))
            {
                return null;
            }

            var priority = Priorities.Raise(previous.Priority > decision.Priority ? previous.Priority : decision.Priority);
            var due = await deadlines.PlanAsync(previous.Team, decision.SlaPolicy, priority, now, cancellationToken);
            try
            {
                var reopened = await alerts.ApplyAsync(
                    new AlertChange
                    {
                        AlertId = previous.Id,
                        ExpectedVersion = previous.Version,
                        Actor = "system",
                        At = now,
                        State = AlertState.New,
                        Priority = priority,
                        FirstResponseDueAt = due.FirstResponseDueAt,
                        ResolveDueAt = due.ResolveDueAt,
                        Note = $"Reopened: the author complained again (mention #{stored.Id})",
                        MentionId = stored.Id,
                    },
                    cancellationToken);
                notifier.Publish(AlertEvent.Reopening(reopened, stored.Id, now, "system"));
                return reopened;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // An agent touched the old case meanwhile; read it again and decide afresh.
            }
        }
    }
}
