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

    /// <summary>
    /// Reads, in one query, the recently resolved cases of the authors of a page of routed mentions, so that
    /// <see cref="TryReopenAsync"/> asks the database only for a case it will reopen.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<StoredMention> routed, RoutingSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var authors = routed.Where(s => !string.IsNullOrEmpty(s.Mention.Author.Id)).Select(Key).ToHashSet();
        if (authors.Count == 0 || options.Value.Window <= TimeSpan.Zero)
        {
            return;
        }

        settings.KnowRecentlyResolved(await queries.FindRecentlyResolvedAsync(authors, time.GetUtcNow() - options.Value.Window, cancellationToken));
    }

    /// <summary>Reopens the author's recently resolved case, or returns null when there is none to reopen.</summary>
    /// <param name="settings">The batch's reads (<see cref="PrepareAsync"/>), or null to look the author up here.</param>
    public async Task<Alert?> TryReopenAsync(StoredMention stored, RouteDecision decision, RoutingSettings? settings, CancellationToken cancellationToken)
    {
        var mention = stored.Mention;
        if (string.IsNullOrEmpty(mention.Author.Id) || options.Value.Window <= TimeSpan.Zero)
        {
            return null;
        }

        var author = Key(stored);
        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            // The batch's read answers the first try; a retry after a conflict reads the case afresh.
            Alert? previous = null;
            if (attempt > 1 || settings is null || !settings.TryRecentlyResolved(author, out previous))
            {
                previous = await queries.FindRecentlyResolvedAsync(mention.Brand, mention.Source, mention.Author.Id, now - options.Value.Window, cancellationToken);
            }

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
                settings?.Forget(author);
                return reopened;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // An agent touched the old case meanwhile; read it again and decide afresh.
            }
        }
    }

    private static AuthorCaseKey Key(StoredMention stored) => new(stored.Mention.Brand, stored.Mention.Source, stored.Mention.Author.Id);
}
