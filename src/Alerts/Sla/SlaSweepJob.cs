using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Sla;

/// <summary>
/// Recurring job (every minute). For each open alert: tightens its deadlines when its mention spreads fast (and
/// raises its priority when it spreads very fast), then warns the team lead before a deadline and again when it is
/// missed. Each notice is sent once per deadline and due time: its webhooks and e-mails are written to the outbox with
/// its key in one transaction before the event is published, so a host that dies mid-sweep leaves the notice for the
/// next sweep (of any host) and never sends it twice. Which notices went out already is read once per sweep, and the
/// new ones are announced a chunk per transaction.
/// </summary>
public sealed class SlaSweepJob(
    IAlertStore alerts,
    IWorkflowQueries queries,
    INotificationOutbox outbox,
    AlertAnnouncer announcer,
    DeadlinePlanner planner,
    SlaCalculator calculator,
    IAlertNotifier notifier,
    IOptions<SlaOptions> options,
    IOptions<RoutingOptions> routing,
    TimeProvider time,
    ILogger<SlaSweepJob> logger)
{
    /// <summary>Notices announced per transaction: few enough to keep each short, many enough to spare the commits.</summary>
    internal const int AnnounceChunk = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await alerts.GetOpenAsync(new OpenAlertQuery { Limit = options.Value.SweepLimit }, cancellationToken);
        var announced = await outbox.FindAnnouncedAsync([.. open.Select(a => a.Id)], AnnouncementKeys.SlaPrefix, cancellationToken);
        var notices = new List<PendingNotice>();
        var snapshots = await queries.GetLatestSnapshotsAsync(
            [.. open.Where(a => a.Kind == AlertKind.Mention && a.MentionId is not null).Select(a => a.MentionId!.Value)], cancellationToken);
        // Each alert tightens against the policy its rule chose (stored on it); alerts raised before policies were
        // stored use the default one. Each policy is read once per sweep.
        var policies = new Dictionary<string, SlaPolicy>(StringComparer.Ordinal);
        foreach (var alert in open)
        {
            var name = alert.SlaPolicy ?? routing.Value.DefaultSlaPolicy ?? "";
            if (!policies.TryGetValue(name, out var policy))
            {
                policy = policies[name] = await planner.GetPolicyAsync(name.Length == 0 ? null : name, cancellationToken);
            }

            var current = await TightenAsync(alert, policy, snapshots, now, cancellationToken);
            AddNotice(notices, announced, current, SlaDeadlineKind.FirstResponse, current.FirstResponseDueAt, now);
            AddNotice(notices, announced, current, SlaDeadlineKind.Resolution, current.ResolveDueAt, now);
        }

        foreach (var chunk in notices.Chunk(AnnounceChunk))
        {
            var sent = await announcer.AnnounceAllAsync([.. chunk.Select(n => n.Notice)], cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                // Not sent: another host's sweep got there first.
                if (sent[i])
                {
                    var (notice, kind, level, due) = chunk[i];
                    WorkflowLog.SlaNotice(logger, level.ToString(), notice.Alert.Id, kind.ToString(), due);
                    notifier.Publish(notice with { OutboxWritten = true });
                }
            }
        }
    }

    /// <summary>The first-response clock runs until someone responds; a reopened case needs a response again.</summary>
    public static bool AwaitsResponse(Alert alert) => alert.State is AlertState.New or AlertState.Acknowledged;

    private async Task<Alert> TightenAsync(
        Alert alert, SlaPolicy policy, IReadOnlyDictionary<long, IReadOnlyList<Core.Mentions.EngagementSnapshot>> snapshots, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (alert is not { Kind: AlertKind.Mention, MentionId: { } mentionId } || !snapshots.TryGetValue(mentionId, out var latest))
        {
            return alert;
        }

        var velocity = EngagementVelocityCalculator.FromSnapshots(latest);
        if (velocity?.DoublingTime is not { } doubling)
        {
            return alert;
        }

        var raise = calculator.ShouldRaisePriority(velocity) && alert.Priority < AlertPriority.Urgent;
        var priority = raise ? Priorities.Raise(alert.Priority) : alert.Priority;
        var target = SlaCalculator.TargetFor(policy, priority);
        var firstDue = AwaitsResponse(alert)
            ? calculator.Tighten(alert.FirstResponseDueAt, now, target.FirstResponse, velocity)
            : alert.FirstResponseDueAt;
        var resolveDue = calculator.Tighten(alert.ResolveDueAt, now, target.Resolution, velocity);
        if (!raise && firstDue == alert.FirstResponseDueAt && resolveDue == alert.ResolveDueAt)
        {
            return alert;
        }

        try
        {
            var updated = await alerts.ApplyAsync(
                new AlertChange
                {
                    AlertId = alert.Id,
                    ExpectedVersion = alert.Version,
                    Actor = "sla",
                    At = now,
                    Priority = raise ? priority : null,
                    FirstResponseDueAt = firstDue != alert.FirstResponseDueAt ? firstDue : null,
                    ResolveDueAt = resolveDue != alert.ResolveDueAt ? resolveDue : null,
                    Note = $"Spreading: engagement doubles every {doubling:hh\\:mm}; deadlines tightened",
                },
                cancellationToken);
            WorkflowLog.Tightened(logger, alert.Id, doubling);
            notifier.Publish(new AlertEvent(AlertEventKind.Changed, updated, now, "sla", "deadlines tightened"));
            return updated;
        }
        catch (ConcurrencyConflictException)
        {
            // An agent changed the alert meanwhile; the next sweep tightens it from the fresh state.
            return alert;
        }
    }

    private void AddNotice(
        List<PendingNotice> notices,
        IReadOnlySet<(long AlertId, string Key)> announced,
        Alert alert,
        SlaDeadlineKind kind,
        DateTimeOffset? dueAt,
        DateTimeOffset now)
    {
        if (dueAt is not { } due || (kind == SlaDeadlineKind.FirstResponse && !AwaitsResponse(alert)))
        {
            return;
        }

        SlaNoticeLevel level;
        if (now >= due)
        {
            level = SlaNoticeLevel.Breach;
        }
        else if (now >= due - options.Value.WarnBefore)
        {
            level = SlaNoticeLevel.Warning;
        }
        else
        {
            return;
        }

        var key = AnnouncementKeys.Sla(kind, level, due);
        if (announced.Contains((alert.Id, key)))
        {
            return;
        }

        var what = kind == SlaDeadlineKind.FirstResponse ? "first response" : "resolution";
        var detail = level == SlaNoticeLevel.Breach
            ? $"SLA breached: {what} was due {due:u}"
            : $"SLA warning: {what} due {due:u}";
        notices.Add(new PendingNotice(
            new AlertEvent(level == SlaNoticeLevel.Breach ? AlertEventKind.SlaBreached : AlertEventKind.SlaWarning, alert, now, "sla", detail) { Key = key }, kind, level, due));
    }

    private sealed record PendingNotice(AlertEvent Notice, SlaDeadlineKind Kind, SlaNoticeLevel Level, DateTimeOffset Due);
}
