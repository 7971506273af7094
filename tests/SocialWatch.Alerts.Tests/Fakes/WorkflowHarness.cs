using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Reopen;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Tests.Notifications;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Fakes;

/// <summary>The workflow wired over in-memory doubles and a fake clock (Monday 2 March 2026, 09:00 UTC).</summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);
    public InMemoryAlertStore Alerts { get; } = new();
    public InMemoryMentionStore Mentions { get; } = new();
    public InMemoryFeedbackStore Feedback { get; } = new();
    public InMemoryTeamStore Teams { get; } = new();
    public InMemoryRuleStore Rules { get; } = new();
    public InMemorySlaPolicyStore Policies { get; } = new();
    public InMemoryPromiseStore Promises { get; } = new();
    /// <summary>The outbox the SLA sweep announces its notices to (no sinks are wired: only the keys are recorded).</summary>
    public RecordingOutbox Outbox { get; } = new();
    public RecordingNotifier Notifier { get; } = new();
    public InMemoryWorkflowQueries Queries { get; }
    public RoutingOptions Routing { get; } = new();
    public SlaOptions Sla { get; } = new();
    public ReopenOptions Reopen { get; } = new();

    public WorkflowHarness() => Queries = new(Alerts, Mentions);

    public DeadlinePlanner Planner => new(Teams, Policies);

    public SlaCalculator Calculator => new(Options.Create(Sla));

    public RoundRobinAssigner Assigner => new(Teams, Queries, Alerts, Notifier, Time);

    public ReopenOnReComplaint ReopenCase => new(Queries, Alerts, Planner, Notifier, Options.Create(Reopen), Time);

    public MentionAlertRaiser Raiser => new(Queries, ReopenCase, Alerts, Assigner, Notifier, Time, NullLogger<MentionAlertRaiser>.Instance);

    public MentionRouter Router => new(Rules, new RoutingRuleEvaluator(Options.Create(Routing)), Planner, Raiser, ReopenCase, Queries);

    public RescoredMentionRouter RescoreRouter => new(
        Rules, new RoutingRuleEvaluator(Options.Create(Routing)), Planner, Calculator, Raiser, Queries, Alerts, Notifier, Options.Create(Routing), Time,
        NullLogger<RescoredMentionRouter>.Instance);

    public ClaimAlert Claim => new(Alerts, Notifier, Time);

    public AssignAlert Assign => new(Alerts, Teams, Notifier, Time);

    public UnclaimAlert Unclaim => new(Alerts, Notifier, Time);

    public AcknowledgeAlert Acknowledge => new(Alerts, Notifier, Time);

    public RespondToAlert Respond => new(Alerts, Notifier, Time);

    public ResolveAlert Resolve => new(Alerts, Notifier, Time);

    public DismissAlert Dismiss => new(Alerts, Mentions, Feedback, Notifier, Time);

    public RecordPromise RecordPromise => new(Alerts, Promises, Time);

    public MarkPromiseKept MarkPromiseKept => new(Promises, Time);

    public PromiseCheckJob PromiseCheck => new(Promises, Alerts, Notifier, Time, NullLogger<PromiseCheckJob>.Instance);

    public SlaSweepJob SlaSweep => new(
        Alerts, Queries, Outbox, new AlertAnnouncer([], Outbox), Planner, Calculator, Notifier, Options.Create(Sla), Options.Create(Routing), Time, NullLogger<SlaSweepJob>.Instance);

    /// <summary>A new mention alert straight from the store, as routing would create it.</summary>
    public Task<Alert> NewAlertAsync(long? mentionId = null, AlertPriority priority = AlertPriority.Normal, string team = "care", AlertKind kind = AlertKind.Mention) =>
        Alerts.CreateAsync(
            new NewAlert
            {
                Kind = kind,
                MentionId = mentionId,
                Brand = "acme",
                Team = team,
                Priority = priority,
                Title = "t",
                CreatedAt = Time.GetUtcNow(),
                FirstResponseDueAt = Time.GetUtcNow().AddHours(1),
                ResolveDueAt = Time.GetUtcNow().AddHours(8),
                Actor = "routing",
            },
            CancellationToken.None);
}
