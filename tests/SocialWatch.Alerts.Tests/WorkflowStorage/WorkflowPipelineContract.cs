using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Tests.WorkflowStorage;

/// <summary>The workflow end to end on a real database, wired by AddSocialWatchAlerts as Host wires it.</summary>
public abstract class WorkflowPipelineContract : WorkflowStoreContract
{
    private async Task<IReadOnlyList<StoredMention>> IngestAsync(params ScoredMention[] mentions)
    {
        var result = await Resolve<IMentionStore>().StoreBatchAsync(new IngestBatch("q-" + Guid.NewGuid(), mentions, "c", null), None);
        await Resolve<IMentionsStoredHandler>().OnStoredAsync(result.Inserted, None);
        return result.Inserted;
    }

    private List<AlertEvent> DrainEvents()
    {
        var events = new List<AlertEvent>();
        while (Resolve<ChannelAlertNotifier>().Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    [TestMethod]
    public async Task StoredMentions_AreRoutedByStoredRules_AssignedRoundRobin_AndAnnounced()
    {
        await Resolve<ITeamStore>().SaveAsync(new TeamProfile { Name = "legal", Assignment = AssignmentMode.RoundRobin, Members = [new("lia", null, 10), new("leo", null, 10)] }, "admin", None);
        await Resolve<IRoutingRuleStore>().SaveAsync(new RoutingRule { Name = "lawyers", Order = 1, Team = "legal", Priority = AlertPriority.Urgent, Conditions = new() { KeywordsAny = ["lawyer"] } }, "admin", None);

        var stored = await IngestAsync(
            TestMentions.Scored("1", text: "My lawyer will hear about this", authorId: "a"),
            TestMentions.Scored("2", text: "Talking to a lawyer now", authorId: "b"),
            TestMentions.Scored("3", text: "Parcel late again", authorId: "c"));

        var open = await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None);
        Assert.AreEqual(
            "legal/Urgent/lia,legal/Urgent/leo,social-care/High/",
            string.Join(",", open.OrderBy(a => a.MentionId).Select(a => $"{a.Team}/{a.Priority}/{a.AssignedTo}")));
        Assert.AreEqual(stored[0].Id, open.Single(a => a.AssignedTo == "lia").MentionId);
        Assert.HasCount(3, DrainEvents().Where(e => e.Kind == AlertEventKind.Created));
    }

    [TestMethod]
    public async Task TwoAgentsActingOnTheSameVersion_OneWinsTheOtherGetsAConflict()
    {
        await IngestAsync(TestMentions.Scored("1"));
        var alert = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Single();

        var results = await Task.WhenAll(
            Try(() => Resolve<AcknowledgeAlert>().ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), None)),
            Try(() => Resolve<ClaimAlert>().ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "bob"), None)));

        Assert.HasCount(1, results.Where(r => r is null), "exactly one winner");
        Assert.HasCount(1, results.Where(r => r is ConcurrencyConflictException or AlertAlreadyClaimedException));
        Assert.AreEqual(2, (await Resolve<IAlertStore>().GetAsync(alert.Id, None))!.Version);
    }

    [TestMethod]
    public async Task Dismissal_StoresAFeedbackLabelWithTheMentionText()
    {
        await IngestAsync(TestMentions.Scored("1", text: "Great service <3"));
        var alert = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Single();

        await Resolve<DismissAlert>().ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), DismissReason.WrongSentiment, SentimentLabel.Positive), None);

        var label = (await Resolve<IFeedbackStore>().GetAsync(0, 10, None)).Single();
        Assert.AreEqual(("Great service <3", SentimentLabel.Positive, "dismissal", alert.MentionId), (label.Text, label.Sentiment!.Value, label.Origin, label.MentionId));
        Assert.AreEqual("wrong-sentiment", (await Resolve<IAlertStore>().GetAsync(alert.Id, None))!.DismissReason);
    }

    [TestMethod]
    public async Task ReComplaint_ReopensTheResolvedCase()
    {
        await IngestAsync(TestMentions.Scored("1", authorId: "carol"));
        var alert = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Single();
        var responded = await Resolve<RespondToAlert>().ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), None);
        await Resolve<ResolveAlert>().ExecuteAsync(new AlertCommand(alert.Id, responded.Version, "ann"), None);
        Time.Advance(TimeSpan.FromDays(2));

        await IngestAsync(TestMentions.Scored("2", authorId: "carol", text: "Still not fixed"));

        var open = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Single();
        Assert.AreEqual(AlertPriority.High, alert.Priority, "the default route follows the high escalation");
        Assert.AreEqual((alert.Id, AlertState.New, AlertPriority.Urgent), (open.Id, open.State, open.Priority), "a re-complaint raises the priority one step");
        Assert.AreEqual("system", (await Resolve<IAlertStore>().GetAuditAsync(alert.Id, None))[^1].Actor);
    }

    [TestMethod]
    public async Task BrokenPromise_RaisesItsOwnAlertOnce()
    {
        await IngestAsync(TestMentions.Scored("1"));
        var alert = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Single();
        await Resolve<RecordPromise>().ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), "Call back within 4 hours", Time.GetUtcNow().AddHours(4)), None);
        Time.Advance(TimeSpan.FromHours(5));

        await Resolve<PromiseCheckJob>().RunAsync(None);
        await Resolve<PromiseCheckJob>().RunAsync(None);

        var broken = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Where(a => a.Kind == AlertKind.BrokenPromise).ToList();
        Assert.HasCount(1, broken);
        Assert.AreEqual("Promise not kept: Call back within 4 hours", broken[0].Title);
    }

    [TestMethod]
    public async Task SlaSweep_TightensASpreadingMention_AndWarnsOnce()
    {
        var stored = await IngestAsync(TestMentions.Scored("1"));
        await Resolve<IMentionStore>().AddSnapshotsAsync(
            [new(stored[0].Id, T0.AddHours(-1), new(10, 0, 0, 0)), new(stored[0].Id, T0, new(1000, 0, 0, 0))], None);

        await Resolve<SlaSweepJob>().RunAsync(None);
        Time.Advance(TimeSpan.FromMinutes(40));
        await Resolve<SlaSweepJob>().RunAsync(None);
        await Resolve<SlaSweepJob>().RunAsync(None);

        var alert = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Single();
        Assert.AreEqual(T0.AddMinutes(12), alert.FirstResponseDueAt, "High (the escalation level) first response 1h × the 0.2 floor");
        Assert.HasCount(1, DrainEvents().Where(e => e.Kind == AlertEventKind.SlaWarning));
    }

    [TestMethod]
    public async Task SpikeJob_RaisesOneAlertForABurstAboveTheBrandsBaseline()
    {
        // Two mentions an hour at this time of week in the four weeks before: the baseline a burst is measured against.
        var usual = (from week in Enumerable.Range(1, 4)
                     from hour in Enumerable.Range(-1, 3)
                     from i in Enumerable.Range(0, 2)
                     select TestMentions.Scored($"u{week}{hour + 1}{i}", createdAt: T0.AddDays(-7 * week).AddHours(hour).AddMinutes(-20 - (i * 10)), authorId: $"b{i}")).ToArray();
        var burst = Enumerable.Range(0, 40).Select(i => TestMentions.Scored($"s{i}", createdAt: T0.AddMinutes(-i), authorId: $"a{i}")).ToArray();
        await Resolve<IMentionStore>().StoreBatchAsync(new IngestBatch("usual", usual, "c", null), None);
        await Resolve<IMentionStore>().StoreBatchAsync(new IngestBatch("burst", burst, "c", null), None);

        await Resolve<SpikeDetectionJob>().RunAsync(None);
        Time.Advance(TimeSpan.FromMinutes(5));
        await Resolve<SpikeDetectionJob>().RunAsync(None);

        var spikes = (await Resolve<IAlertStore>().GetOpenAsync(new OpenAlertQuery(), None)).Where(a => a.Kind == AlertKind.Spike).ToList();
        Assert.HasCount(1, spikes);
        Assert.AreEqual(spikes[0].Id, (await Resolve<ISpikeStateStore>().GetAsync("acme", None))!.AlertId);
    }

    private static async Task<Exception?> Try(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}

[TestClass]
public sealed class SqliteWorkflowPipelineTests : WorkflowPipelineContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlWorkflowPipelineTests : WorkflowPipelineContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("workflow_pipeline");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerWorkflowPipelineTests : WorkflowPipelineContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
