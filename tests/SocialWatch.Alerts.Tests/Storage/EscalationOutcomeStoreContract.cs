using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>What every <see cref="IEscalationOutcomeStore"/> must return from seeded alerts, audit and snapshots.</summary>
public abstract class EscalationOutcomeStoreContract : StoreContract
{
    private static readonly DateTimeOffset Ingested = new(2026, 3, 14, 9, 0, 0, 123, TimeSpan.Zero);

    private IEscalationOutcomeStore Store => Get<IEscalationOutcomeStore>();

    private async Task<long> MentionAsync(string id, string text, long followers, float complaint = 0.8f)
    {
        var scored = TestMentions.Scored(id, text: text);
        scored = scored with
        {
            Mention = scored.Mention with { Author = new MentionAuthor("u-" + id, "handle_" + id, null, followers, false) },
            Score = scored.Score! with
            {
                Complaint = complaint,
                Sentiment = complaint < 0.5f ? new SentimentScore(SentimentLabel.Positive, 0.05f, 0.15f, 0.8f) : scored.Score.Sentiment,
            },
        };
        return (await Get<IMentionStore>().StoreBatchAsync(new IngestBatch("q-" + id, [scored], "c", null), None)).Inserted[0].Id;
    }

    private async Task<Alert> AlertAsync(long mentionId, AlertPriority priority, DateTimeOffset at) =>
        await Get<IAlertStore>().CreateAsync(new NewAlert
        {
            Kind = AlertKind.Mention,
            MentionId = mentionId,
            Brand = "acme",
            Team = "care",
            Priority = priority,
            Title = "t",
            CreatedAt = at,
            Actor = "routing",
        }, None);

    private async Task<Alert> ChangeAsync(Alert alert, string actor, AlertPriority? priority = null, AlertState? state = null, string? dismissReason = null) =>
        await Get<IAlertStore>().ApplyAsync(new AlertChange
        {
            AlertId = alert.Id,
            ExpectedVersion = alert.Version,
            Actor = actor,
            At = alert.CreatedAt.AddMinutes(5),
            Priority = priority,
            State = state,
            DismissReason = dismissReason,
        }, None);

    private Task SnapshotsAsync(long mentionId, params (int Minutes, long Likes, long Reposts)[] points) =>
        Get<IMentionStore>().AddSnapshotsAsync(
            [.. points.Select(p => new EngagementSnapshot(mentionId, Ingested.AddMinutes(p.Minutes), new EngagementMetrics(p.Likes, p.Reposts, 0, 0)))], None);

    [TestMethod]
    public async Task Get_ReturnsPersonRaisedSpreadAndDismissedMentions_WithTheContextTheScorerSaw()
    {
        var raised = await MentionAsync("raised", "@acme you charged me twice", 900);
        var raisedAlert = await AlertAsync(raised, AlertPriority.Normal, Ingested.AddMinutes(20));
        await SnapshotsAsync(raised, (10, 4, 1), (20, 10, 3), (240, 900, 300));
        await ChangeAsync(raisedAlert, "agent.ana", priority: AlertPriority.Urgent);

        var bySla = await MentionAsync("sla", "@acme still waiting", 900);
        var slaAlert = await AlertAsync(bySla, AlertPriority.Normal, Ingested);
        await ChangeAsync(slaAlert, "sla", priority: AlertPriority.High);

        var spread = await MentionAsync("spread", "@acme broke my guitar", 300);
        await SnapshotsAsync(spread, (10, 5, 0), (25, 20, 5), (600, 4_000, 1_500));

        var bigButQuiet = await MentionAsync("big", "@acme app is slow", 1_000_000);
        await SnapshotsAsync(bigButQuiet, (10, 100, 10), (600, 900, 100));

        var praise = await MentionAsync("praise", "@acme thanks, lovely staff", 100, complaint: 0.1f);
        await SnapshotsAsync(praise, (600, 5_000, 500));

        var dismissed = await MentionAsync("dismissed", "@acme lol", 50);
        var dismissedAlert = await AlertAsync(dismissed, AlertPriority.Normal, Ingested);
        await ChangeAsync(dismissedAlert, "agent.bo", state: AlertState.Dismissed, dismissReason: "not-a-complaint");

        var duplicate = await MentionAsync("duplicate", "@acme again", 50);
        var duplicateAlert = await AlertAsync(duplicate, AlertPriority.Normal, Ingested);
        await ChangeAsync(duplicateAlert, "agent.bo", state: AlertState.Dismissed, dismissReason: "duplicate");

        var outcomes = await Store.GetAsync(new EscalationOutcomeQuery { MinInteractions = 200, ReachShare = 0.05, ContextWindow = TimeSpan.FromMinutes(30) }, None);

        var byId = outcomes.ToDictionary(o => o.MentionId);
        CollectionAssert.AreEquivalent(new[] { raised, spread, dismissed }, byId.Keys.ToArray());
        Assert.AreEqual(EscalationOutcomeKind.RaisedByPerson, byId[raised].Kind);
        Assert.IsTrue(byId[raised].Escalate);
        Assert.AreEqual(EscalationOutcomeKind.Spread, byId[spread].Kind);
        Assert.IsTrue(byId[spread].Escalate);
        Assert.AreEqual(EscalationOutcomeKind.DismissedAsNoRisk, byId[dismissed].Kind);
        Assert.IsFalse(byId[dismissed].Escalate);

        // The context is what was known at the decision: the alert's creation, or 30 min after ingestion.
        var raisedInput = byId[raised].Input;
        Assert.AreEqual("@acme you charged me twice", raisedInput.Text);
        Assert.AreEqual(900, raisedInput.Author!.Followers);
        Assert.AreEqual(13, raisedInput.Metrics.Total);
        Assert.IsNotNull(raisedInput.Velocity);
        Assert.AreEqual(12, raisedInput.Velocity.RepostsPerHour, 1e-9);
        var spreadInput = byId[spread].Input;
        Assert.AreEqual(25, spreadInput.Metrics.Total);
        Assert.AreEqual(300, spreadInput.Author!.Followers);
        Assert.IsNotNull(spreadInput.Velocity?.DoublingTime);
        Assert.IsNull(byId[dismissed].Input.Velocity);
    }

    [TestMethod]
    public async Task Get_APositiveOutcomeOutweighsADismissal()
    {
        var mention = await MentionAsync("both", "@acme this is a scam", 100);
        var alert = await AlertAsync(mention, AlertPriority.Normal, Ingested);
        await ChangeAsync(alert, "agent.bo", state: AlertState.Dismissed, dismissReason: "spam");
        await SnapshotsAsync(mention, (10, 1, 0), (900, 800, 200));

        var outcomes = await Store.GetAsync(new EscalationOutcomeQuery(), None);

        Assert.HasCount(1, outcomes);
        Assert.AreEqual(EscalationOutcomeKind.Spread, outcomes[0].Kind);
        Assert.IsTrue(outcomes[0].Escalate);
    }

    [TestMethod]
    public async Task Get_WithNothingRecorded_ReturnsNoLabels()
    {
        await MentionAsync("quiet", "@acme hello", 100);

        var outcomes = await Store.GetAsync(new EscalationOutcomeQuery(), None);

        Assert.IsEmpty(outcomes);
    }
}

[TestClass]
public sealed class SqliteEscalationOutcomeStoreTests : EscalationOutcomeStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlEscalationOutcomeStoreTests : EscalationOutcomeStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("escalation_outcomes");
}

[TestClass]
public sealed class SqlServerEscalationOutcomeStoreTests : EscalationOutcomeStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
