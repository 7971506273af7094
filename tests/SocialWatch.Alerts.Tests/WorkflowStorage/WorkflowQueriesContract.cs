using SocialWatch.Alerts.Retention;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Retention;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Tests.WorkflowStorage;

/// <summary>What the workflow's read queries, the spike counts and the retention store must do, whatever the dialect.</summary>
public abstract class WorkflowQueriesContract : WorkflowStoreContract
{
    private IAlertStore Alerts => Resolve<IAlertStore>();

    private async Task<Alert> MoveAsync(Alert alert, AlertState? state = null, string? assignee = null, DateTimeOffset? resolvedAt = null) =>
        await Alerts.ApplyAsync(new AlertChange { AlertId = alert.Id, ExpectedVersion = alert.Version, Actor = "t", At = Time.GetUtcNow(), State = state, AssignedTo = assignee, ResolvedAt = resolvedAt }, None);

    [TestMethod]
    public async Task CountOpenByAssignee_CountsOnlyOpenAlertsOfTheTeam()
    {
        var queries = Resolve<IWorkflowQueries>();
        await MoveAsync(await CreateAlertAsync(), assignee: "ann");
        await MoveAsync(await CreateAlertAsync(), assignee: "ann");
        await MoveAsync(await CreateAlertAsync(), assignee: "bob");
        await MoveAsync(await MoveAsync(await CreateAlertAsync(), assignee: "bob"), AlertState.Dismissed);
        await MoveAsync(await CreateAlertAsync(team: "pr"), assignee: "bob");
        await CreateAlertAsync();

        var counts = await queries.CountOpenByAssigneeAsync("care", None);

        Assert.AreEqual("ann=2,bob=1", string.Join(",", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")));
    }

    [TestMethod]
    public async Task FindRecentlyResolved_MatchesAuthorSourceAndBrandWithinTheWindow()
    {
        var queries = Resolve<IWorkflowQueries>();
        var old = await MoveAsync(await MoveAsync(await CreateAlertAsync(await StoreMentionAsync("1", authorId: "carol")), AlertState.Responded), AlertState.Resolved, resolvedAt: T0.AddDays(-10));
        var recent = await MoveAsync(await MoveAsync(await CreateAlertAsync(await StoreMentionAsync("2", authorId: "carol")), AlertState.Responded), AlertState.Resolved, resolvedAt: T0.AddDays(-2));
        await MoveAsync(await MoveAsync(await CreateAlertAsync(await StoreMentionAsync("3", authorId: "dave")), AlertState.Responded), AlertState.Resolved, resolvedAt: T0.AddDays(-1));
        await CreateAlertAsync(await StoreMentionAsync("4", authorId: "carol"));

        var found = await queries.FindRecentlyResolvedAsync("acme", "x", "carol", T0.AddDays(-7), None);
        var otherBrand = await queries.FindRecentlyResolvedAsync("globex", "x", "carol", T0.AddDays(-7), None);
        var tooOld = await queries.FindRecentlyResolvedAsync("acme", "x", "carol", T0.AddDays(-1), None);

        Assert.AreEqual(recent.Id, found?.Id);
        Assert.AreNotEqual(old.Id, found?.Id);
        Assert.IsNull(otherBrand);
        Assert.IsNull(tooOld);
    }

    [TestMethod]
    public async Task FindRecentlyResolved_ForAPageOfAuthors_GivesEachTheNewestCaseOfItsBrandAndSource()
    {
        var queries = Resolve<IWorkflowQueries>();
        await MoveAsync(await MoveAsync(await CreateAlertAsync(await StoreMentionAsync("1", authorId: "carol")), AlertState.Responded), AlertState.Resolved, resolvedAt: T0.AddDays(-10));
        var recent = await MoveAsync(await MoveAsync(await CreateAlertAsync(await StoreMentionAsync("2", authorId: "carol")), AlertState.Responded), AlertState.Resolved, resolvedAt: T0.AddDays(-2));
        var older = await MoveAsync(await MoveAsync(await CreateAlertAsync(await StoreMentionAsync("3", authorId: "carol")), AlertState.Responded), AlertState.Resolved, resolvedAt: T0.AddDays(-3));
        var dave = await MoveAsync(await MoveAsync(await CreateAlertAsync(await StoreMentionAsync("4", authorId: "dave")), AlertState.Responded), AlertState.Resolved, resolvedAt: T0.AddDays(-1));
        await CreateAlertAsync(await StoreMentionAsync("5", authorId: "erin"));
        var carol = new AuthorCaseKey("acme", "x", "carol");
        var daveKey = new AuthorCaseKey("acme", "x", "dave");

        var found = await queries.FindRecentlyResolvedAsync(
            [carol, daveKey, new("acme", "x", "erin"), new("globex", "x", "carol"), new("acme", "reddit", "carol"), new("acme", "x", "nobody")], T0.AddDays(-7), None);
        var window = await queries.FindRecentlyResolvedAsync([carol, daveKey], T0.AddDays(-1).AddHours(-1), None);

        Assert.AreEqual(recent.Id, found[carol].Id, "the newest, not the older one inside the window");
        Assert.AreNotEqual(older.Id, found[carol].Id);
        Assert.AreEqual(dave.Id, found[daveKey].Id);
        Assert.HasCount(2, found, "an open case, another brand, another source and an unknown author find none");
        Assert.AreEqual(daveKey, window.Keys.Single(), "only cases resolved within the window");
        Assert.IsEmpty(await queries.FindRecentlyResolvedAsync([], T0, None));
    }

    [TestMethod]
    public async Task HasAlertForMention_SeesOnlyMentionAlertsOfThatMention()
    {
        var queries = Resolve<IWorkflowQueries>();
        var with = await StoreMentionAsync("1");
        var without = await StoreMentionAsync("2");
        await CreateAlertAsync(with);

        Assert.IsTrue(await queries.HasAlertForMentionAsync(with, None));
        Assert.IsFalse(await queries.HasAlertForMentionAsync(without, None));
    }

    [TestMethod]
    public async Task FindHandledMentions_AnswersForAWholePage_AlertsAndReopeningsAlike()
    {
        var queries = Resolve<IWorkflowQueries>();
        var raised = await StoreMentionAsync("1", authorId: "carol");
        var quiet = await StoreMentionAsync("2", authorId: "dave");
        var followUp = await StoreMentionAsync("3", authorId: "carol");
        var resolved = await MoveAsync(await MoveAsync(await CreateAlertAsync(raised), AlertState.Responded), AlertState.Resolved, resolvedAt: T0);
        await Alerts.ApplyAsync(
            new AlertChange { AlertId = resolved.Id, ExpectedVersion = resolved.Version, Actor = "system", At = T0, State = AlertState.New, MentionId = followUp, Note = "Reopened" },
            None);
        var page = new List<long> { raised, quiet, followUp };
        page.AddRange(Enumerable.Range(1, 1500).Select(i => 1_000_000L + i));

        var handled = await queries.FindHandledMentionsAsync(page, None);
        var none = await queries.FindHandledMentionsAsync([], None);

        CollectionAssert.AreEquivalent(new[] { raised, followUp }, handled.ToArray(), "more ids than one statement takes are read in chunks");
        Assert.IsEmpty(none);
    }

    [TestMethod]
    public async Task HasAlertForMention_SeesAMentionThatReopenedAnotherAlert_UntilTheMentionIsPurged()
    {
        var queries = Resolve<IWorkflowQueries>();
        var original = await CreateAlertAsync(await StoreMentionAsync("1", authorId: "carol"));
        var followUp = await StoreMentionAsync("2", authorId: "carol");
        var resolved = await MoveAsync(await MoveAsync(original, AlertState.Responded), AlertState.Resolved, resolvedAt: T0);

        await Alerts.ApplyAsync(
            new AlertChange { AlertId = resolved.Id, ExpectedVersion = resolved.Version, Actor = "system", At = T0, State = AlertState.New, MentionId = followUp, Note = "Reopened" },
            None);

        Assert.IsTrue(await queries.HasAlertForMentionAsync(followUp, None));
        Assert.AreEqual(
            1,
            await Resolve<SocialWatch.Core.Retention.IRetentionStore>().PurgeMentionsAsync("acme", T0.AddYears(10), 10, None),
            "the follow-up goes; the reopened alert's own mention stays while the alert is open");
        Assert.IsFalse(await queries.HasAlertForMentionAsync(followUp, None), "a purged mention's id is unlinked from the audit");
    }

    [TestMethod]
    public async Task LatestSnapshots_GivesTheLastTwoPerMentionOldestFirst()
    {
        var queries = Resolve<IWorkflowQueries>();
        var a = await StoreMentionAsync("1");
        var b = await StoreMentionAsync("2");
        var none = await StoreMentionAsync("3");
        await Resolve<IMentionStore>().AddSnapshotsAsync(
        [
            new(a, T0, new(1, 0, 0, 0)), new(a, T0.AddHours(2), new(30, 1, 2, 3)), new(a, T0.AddHours(1), new(10, 0, 0, 0)),
            new(b, T0, new(5, 5, 5, 5)),
        ], None);

        var latest = await queries.GetLatestSnapshotsAsync([a, b, none, a], None);

        Assert.AreEqual("1h:10,2h:36", string.Join(",", latest[a].Select(s => $"{(s.At - T0).TotalHours}h:{s.Metrics.Total}")));
        Assert.HasCount(1, latest[b]);
        Assert.IsFalse(latest.ContainsKey(none));
    }

    [TestMethod]
    public async Task SpikeCounts_CountEachWindowHalfOpen_WithNegatives()
    {
        var data = Resolve<ISpikeDataSource>();
        await StoreMentionAsync("1", createdAt: T0.AddMinutes(-30));
        await StoreMentionAsync("2", createdAt: T0.AddMinutes(-60));
        await StoreMentionAsync("3", createdAt: T0);
        await StoreMentionAsync("4", createdAt: T0.AddMinutes(-10), brand: "globex");

        var counts = await data.CountAsync("acme", [(T0.AddHours(-1), T0), (T0.AddHours(-3), T0.AddHours(-2))], None);

        Assert.AreEqual((2L, 2L), (counts[0].Total, counts[0].Negative));
        Assert.AreEqual((0L, 0L), (counts[1].Total, counts[1].Negative));
    }

    [TestMethod]
    public async Task Purge_DeletesExpiredMentions_KeepsThoseBehindOpenAlerts_AndScrubsClosedAlerts()
    {
        var retention = Resolve<IRetentionStore>();
        var expired = await StoreMentionAsync("1", createdAt: T0.AddDays(-40));
        var expiredClosed = await StoreMentionAsync("2", createdAt: T0.AddDays(-40));
        var expiredOpen = await StoreMentionAsync("3", createdAt: T0.AddDays(-40));
        var fresh = await StoreMentionAsync("4", createdAt: T0.AddDays(-5));
        var closed = await MoveAsync(await CreateAlertAsync(expiredClosed), AlertState.Dismissed);
        var open = await CreateAlertAsync(expiredOpen);
        await Resolve<IFeedbackStore>().AddAsync(new() { Text = "label text", MentionId = expired, CreatedAt = T0 }, None);
        await Resolve<IMentionStore>().AddSnapshotsAsync([new(expired, T0.AddDays(-39), new(1, 1, 1, 1))], None);

        var deleted = await retention.PurgeMentionsAsync("acme", T0.AddDays(-30), 100, None);

        Assert.AreEqual(2, deleted);
        var mentions = Resolve<IMentionStore>();
        Assert.IsNull(await mentions.GetMentionAsync(expired, None));
        Assert.IsNull(await mentions.GetMentionAsync(expiredClosed, None));
        Assert.IsNotNull(await mentions.GetMentionAsync(expiredOpen, None));
        Assert.IsNotNull(await mentions.GetMentionAsync(fresh, None));
        var scrubbed = await Alerts.GetAsync(closed.Id, None);
        Assert.AreEqual(("[text removed: retention period over]", (long?)null), (scrubbed!.Title, scrubbed.MentionId));
        Assert.AreEqual("@handle: quoted text", (await Alerts.GetAsync(open.Id, None))!.Title);
        Assert.IsEmpty(await Resolve<IFeedbackStore>().GetAsync(0, 10, None));
        Assert.IsEmpty(await mentions.GetSnapshotsAsync(expired, None));
    }

    [TestMethod]
    public async Task Erase_DeletesEveryMentionOfTheAuthor_OpenAlertsIncluded_AndIsAudited()
    {
        var erase = Resolve<EraseAuthorData>();
        var first = await StoreMentionAsync("1", authorId: "eve");
        await StoreMentionAsync("2", authorId: "eve");
        var other = await StoreMentionAsync("3", authorId: "frank");
        var open = await CreateAlertAsync(first);

        var deleted = await erase.ExecuteAsync(new EraseAuthorCommand("x", "eve", "dpo@acme.test", "ticket 12"), None);

        Assert.AreEqual(2, deleted.Counts.Mentions);
        Assert.IsNotNull(await Resolve<IMentionStore>().GetMentionAsync(other, None));
        var scrubbed = await Alerts.GetAsync(open.Id, None);
        Assert.AreEqual(("[text removed at the author's request]", (long?)null, AlertState.New), (scrubbed!.Title, scrubbed.MentionId, scrubbed.State));
        var audit = (await Resolve<IDataAuditLog>().ListAsync(T0.AddDays(-1), 10, None)).Single();
        Assert.AreEqual(("author-erasure", EraseAuthorData.SubjectHash("x", "eve"), "dpo@acme.test", T0, 2, "ticket 12"), (audit.Action, audit.Subject, audit.Actor, audit.At, audit.Count, audit.Detail));
    }

    [TestMethod]
    public async Task RetentionJob_PurgesConfiguredBrand_AndAuditsIt()
    {
        await StoreMentionAsync("1", createdAt: T0.AddDays(-31));
        await StoreMentionAsync("2", createdAt: T0.AddDays(-29));

        await Resolve<RetentionPurgeJob>().RunAsync(None);

        var audit = (await Resolve<IDataAuditLog>().ListAsync(T0.AddDays(-1), 10, None)).Single();
        Assert.AreEqual(("retention-purge", "acme", 1), (audit.Action, audit.Subject, audit.Count));
    }
}

[TestClass]
public sealed class SqliteWorkflowQueriesTests : WorkflowQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlWorkflowQueriesTests : WorkflowQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("workflow_queries");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerWorkflowQueriesTests : WorkflowQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
