using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Routing;

/// <summary>
/// Acts on the watch list's re-scores: a mention without an alert that now passes routing raises one (it started quiet
/// and is now spreading), through the same path as a new mention; an open alert's priority and deadlines are re-planned
/// from the SLA policy its rule chose, from the new score and the growth, and its reasons become the new score's (so the
/// alert says why it rose). Called for every refresh page, on any host.
/// </summary>
public sealed class RescoredMentionRouter(
    IRoutingRuleStore rules,
    RoutingRuleEvaluator evaluator,
    DeadlinePlanner deadlines,
    SlaCalculator calculator,
    MentionAlertRaiser raiser,
    IWorkflowQueries queries,
    IAlertStore alerts,
    IAlertNotifier notifier,
    IOptions<RoutingOptions> routing,
    TimeProvider time,
    ILogger<RescoredMentionRouter> logger) : IMentionsRescoredHandler
{
    public async Task OnRescoredAsync(IReadOnlyList<RescoredMention> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return;
        }

        var ordered = (await rules.ListAsync(cancellationToken)).OrderBy(r => r.Order).ThenBy(r => r.Id).ToList();
        var settings = new RoutingSettings(deadlines);
        foreach (var rescored in mentions)
        {
            if (rescored.Mention.Redacted)
            {
                continue;
            }

            var decision = evaluator.Evaluate(ordered, rescored.Mention);
            if (await queries.FindAlertForMentionAsync(rescored.Mention.Id, cancellationToken) is { } alert)
            {
                if (alert.IsOpen)
                {
                    await ReplanAsync(alert, decision, rescored, settings, cancellationToken);
                }

                continue;
            }

            if (decision is not null)
            {
                var raised = await raiser.RaiseAsync(
                    rescored.Mention, decision with { Priority = PriorityFor(decision.Priority, decision.Priority, rescored.Velocity) },
                    settings, SpreadingReason(rescored.Velocity), cancellationToken);
                if (raised is not null)
                {
                    WorkflowLog.RaisedOnRescore(logger, raised.Id, rescored.Mention.Id);
                }
            }
        }
    }

    /// <summary>Why a mention that was stored without an alert raises one now.</summary>
    public static Reason SpreadingReason(EngagementVelocity? velocity) => velocity is { EngagementPerHour: > 0 } v
        ? new(ReasonCodes.StartedSpreading, $"started quiet, now spreading ({Math.Round(v.EngagementPerHour):0} interactions/h)", 1f)
        : new(ReasonCodes.StartedSpreading, "started quiet, now passes routing on re-score", 1f);

    /// <summary>
    /// The routed priority, one step higher when the mention doubles fast, never below the alert's current one. The
    /// step is taken from the routed priority, so a mention refreshed many times is not raised once per refresh.
    /// </summary>
    private AlertPriority PriorityFor(AlertPriority current, AlertPriority? routed, EngagementVelocity? velocity)
    {
        var basis = routed is { } r && r > current ? r : current;
        var candidate = calculator.ShouldRaisePriority(velocity) ? Priorities.Raise(routed ?? current) : basis;
        return candidate > basis ? candidate : basis;
    }

    /// <summary>
    /// The open alert's reasons after a re-score: the new score's, then the ones routing added (its rule, "started
    /// spreading", a follow-up), which are the stored reasons the previous score did not give. A spreading reason
    /// ("reposts doubling every 6 min", "600 reposts/h") stays on the open alert once given, its text brought up to date
    /// whenever a score gives it again: which of the spreading reasons a refresh gives depends on the reads it compares
    /// (a pause between two bursts gives none), and dropping them would make them flicker on and off the alert, each
    /// flicker a new version and a line in its history. They say how it spread, which stays true.
    /// </summary>
    public static IReadOnlyList<Reason> ReasonsAfterRescore(IReadOnlyList<Reason> stored, MentionScore? previous, MentionScore? current)
    {
        if (current is null)
        {
            return stored;
        }

        var fresh = current.Escalation.Reasons;
        var scored = new HashSet<string>(StringComparer.Ordinal);
        scored.UnionWith(fresh.Select(r => r.Code));
        scored.UnionWith(previous?.Escalation.Reasons.Select(r => r.Code).Where(code => !IsSpreading(code)) ?? []);
        return [.. fresh, .. stored.Where(r => !scored.Contains(r.Code))];
    }

    private async Task ReplanAsync(Alert alert, RouteDecision? decision, RescoredMention rescored, RoutingSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var velocity = rescored.Velocity;
        var priority = PriorityFor(alert.Priority, decision?.Priority, velocity);
        var policy = await settings.PolicyAsync(alert.SlaPolicy ?? routing.Value.DefaultSlaPolicy, cancellationToken);
        var awaitsResponse = SlaSweepJob.AwaitsResponse(alert);

        // A higher priority gets that priority's deadlines counted from when the alert was raised; deadlines never move later.
        var firstDue = alert.FirstResponseDueAt;
        var resolveDue = alert.ResolveDueAt;
        if (priority > alert.Priority)
        {
            var planned = SlaCalculator.Compute(policy, priority, await settings.TeamAsync(alert.Team, cancellationToken), alert.CreatedAt);
            firstDue = awaitsResponse ? Earlier(firstDue, planned.FirstResponseDueAt) : firstDue;
            resolveDue = Earlier(resolveDue, planned.ResolveDueAt);
        }

        var target = SlaCalculator.TargetFor(policy, priority);
        firstDue = awaitsResponse ? calculator.Tighten(firstDue, now, target.FirstResponse, velocity) : firstDue;
        resolveDue = calculator.Tighten(resolveDue, now, target.Resolution, velocity);
        firstDue = Worthwhile(alert.FirstResponseDueAt, firstDue);
        resolveDue = Worthwhile(alert.ResolveDueAt, resolveDue);

        // A change of reason codes is worth a new version; figures moving within a reason ("41 reposts/h") are not, or
        // every refresh would make an agent's next action conflict. They are brought up to date with any re-plan.
        var reasons = ReasonsAfterRescore(alert.Reasons, rescored.Previous, rescored.Mention.Score);
        // As sets: a reason kept through a pause comes after the fresh ones, which reorders but changes nothing.
        var reasonsChanged = !reasons.Select(r => r.Code).ToHashSet(StringComparer.Ordinal).SetEquals(alert.Reasons.Select(r => r.Code));
        if (priority == alert.Priority && firstDue == alert.FirstResponseDueAt && resolveDue == alert.ResolveDueAt && !reasonsChanged)
        {
            return;
        }

        try
        {
            var updated = await alerts.ApplyAsync(
                new AlertChange
                {
                    AlertId = alert.Id,
                    ExpectedVersion = alert.Version,
                    Actor = "watch",
                    At = now,
                    Priority = priority != alert.Priority ? priority : null,
                    FirstResponseDueAt = firstDue != alert.FirstResponseDueAt ? firstDue : null,
                    ResolveDueAt = resolveDue != alert.ResolveDueAt ? resolveDue : null,
                    Reasons = reasons,
                    Note = ReplanNote(alert.Priority, priority, velocity, firstDue != alert.FirstResponseDueAt || resolveDue != alert.ResolveDueAt),
                },
                cancellationToken);
            WorkflowLog.Replanned(logger, alert.Id, alert.Priority.ToString(), priority.ToString());
            notifier.Publish(new AlertEvent(AlertEventKind.Changed, updated, now, "watch", "re-planned on re-score"));
        }
        catch (ConcurrencyConflictException)
        {
            // An agent changed the alert meanwhile; the next refresh re-plans it from the fresh state.
        }
    }

    /// <summary>
    /// A deadline pulled earlier by less than <see cref="MinDeadlineGain"/> stays where it is: the doubling time of a
    /// spreading post wobbles from one refresh to the next, and moving a deadline by seconds each time would fill the
    /// alert's history with re-plans and make an agent's next action conflict, for nothing a person would notice.
    /// </summary>
    internal static DateTimeOffset? Worthwhile(DateTimeOffset? current, DateTimeOffset? planned) =>
        current is { } c && planned is { } p && p < c && c - p < MinDeadlineGain ? current : planned;

    internal static readonly TimeSpan MinDeadlineGain = TimeSpan.FromMinutes(1);

    private static bool IsSpreading(string code) =>
        code is ReasonCodes.RepostsDoubling or ReasonCodes.RepostRate or ReasonCodes.InteractionsInWindow;

    internal static string ReplanNote(AlertPriority from, AlertPriority to, EngagementVelocity? velocity, bool deadlinesMoved = true)
    {
        var growth = velocity is { EngagementPerHour: > 0 } v
            ? v.DoublingTime is { } d
                ? string.Create(CultureInfo.InvariantCulture, $"spreading: {Math.Round(v.EngagementPerHour):0} interactions/h, doubling every {Duration(d)}")
                : string.Create(CultureInfo.InvariantCulture, $"spreading: {Math.Round(v.EngagementPerHour):0} interactions/h")
            : "re-scored";
        var change = (to > from, deadlinesMoved) switch
        {
            (true, true) => $"priority {from} -> {to}, deadlines re-planned",
            (true, false) => $"priority {from} -> {to}",
            (false, true) => "deadlines re-planned",
            (false, false) => "reasons updated",
        };
        return growth == "re-scored" ? $"Re-scored; {change}" : $"Re-scored, {growth}; {change}";
    }

    private static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(span.TotalMinutes)} min"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days"),
    };

    private static DateTimeOffset? Earlier(DateTimeOffset? current, DateTimeOffset? planned) =>
        current is { } c && planned is { } p ? (p < c ? p : c) : current ?? planned;
}
