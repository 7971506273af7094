using Microsoft.Extensions.Logging;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Reopen;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Routing;

/// <summary>
/// The one way a routed mention becomes an alert, for new mentions (<see cref="MentionRouter"/>) and for watched ones
/// that pass routing after a re-score (<see cref="RescoredMentionRouter"/>): a re-complaint reopens the author's recent
/// case instead; otherwise the alert is created with the deadlines of the rule's SLA policy (stored on it), announced
/// and, for round-robin teams, assigned. One mention raises one alert, whatever the number of callers or hosts.
/// </summary>
public sealed class MentionAlertRaiser(
    IWorkflowQueries queries,
    ReopenOnReComplaint reopen,
    IAlertStore alerts,
    RoundRobinAssigner assigner,
    IAlertNotifier notifier,
    TimeProvider time,
    ILogger<MentionAlertRaiser> logger)
{
    /// <summary>
    /// Raises (or reopens) the mention's alert; returns the new alert, or null when the mention was already handled
    /// (its alert exists, or it reopened a case).
    /// </summary>
    /// <param name="extraReason">Why it is raised beyond the score's reasons (e.g. it started quiet and is now spreading).</param>
    public async Task<Alert?> RaiseAsync(
        StoredMention stored, RouteDecision decision, RoutingSettings settings, Reason? extraReason, CancellationToken cancellationToken)
    {
        // The hand-over or the refresh may be repeated; this check saves the work, the store's unique key decides.
        if (settings.IsHandled(stored.Id) ?? await queries.HasAlertForMentionAsync(stored.Id, cancellationToken))
        {
            return null;
        }

        if (await reopen.TryReopenAsync(stored, decision, settings, cancellationToken) is { } reopened)
        {
            WorkflowLog.Reopened(logger, reopened.Id, stored.Id);
            return null;
        }

        var now = time.GetUtcNow();
        var team = await settings.TeamAsync(decision.Team, cancellationToken);
        var due = SlaCalculator.Compute(await settings.PolicyAsync(decision.SlaPolicy, cancellationToken), decision.Priority, team, now);
        Alert created;
        try
        {
            created = await alerts.CreateAsync(
                new NewAlert
                {
                    Kind = AlertKind.Mention,
                    MentionId = stored.Id,
                    Brand = stored.Mention.Brand,
                    Team = decision.Team,
                    Priority = decision.Priority,
                    Title = MentionRouter.TitleFor(stored.Mention),
                    Reasons = ReasonsFor(stored, decision, extraReason),
                    CreatedAt = now,
                    FirstResponseDueAt = due.FirstResponseDueAt,
                    ResolveDueAt = due.ResolveDueAt,
                    SlaPolicy = decision.SlaPolicy,
                    Actor = "routing",
                },
                cancellationToken);
        }
        catch (AlertExistsException)
        {
            // Another host (or a parallel refresh) raised it between the check and the insert.
            WorkflowLog.AlertAlreadyRaised(logger, stored.Id);
            return null;
        }

        WorkflowLog.AlertRaised(logger, created.Id, stored.Id, decision.Team, decision.RuleName);
        notifier.Publish(new AlertEvent(AlertEventKind.Created, created, now, "routing", decision.RuleName));
        await assigner.TryAssignAsync(created, team, cancellationToken, settings.Ledger(team.Name));
        return created;
    }

    /// <summary>The alert's reasons: the score's, then the extra one, then the rule that routed it.</summary>
    public static IReadOnlyList<Reason> ReasonsFor(StoredMention stored, RouteDecision decision, Reason? extraReason) =>
        [.. stored.Score?.Escalation.Reasons ?? [], .. extraReason is { } extra ? [extra] : Array.Empty<Reason>(), ReasonCodes.Rule(decision.RuleName)];
}
