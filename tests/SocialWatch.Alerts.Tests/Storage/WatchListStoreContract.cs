using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using static SocialWatch.Alerts.Tests.Storage.TestMentions;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>What every <see cref="IWatchListStore"/> must do, whatever the dialect.</summary>
public abstract class WatchListStoreContract : StoreContract
{
    private static readonly DateTimeOffset Until = T0.AddHours(48);

    private IWatchListStore Store => Get<IWatchListStore>();

    private IMentionStore Mentions => Get<IMentionStore>();

    private async Task<IReadOnlyList<StoredMention>> StoreAsync(params ScoredMention[] mentions) =>
        (await Mentions.StoreBatchAsync(new IngestBatch("acme:x:" + Guid.NewGuid().ToString("N"), mentions, "c", null), None)).Inserted;

    private Task EnrolAsync(IEnumerable<StoredMention> mentions, DateTimeOffset firstDue) =>
        Store.EnrolAsync([.. mentions.Select(m => new WatchEnrolment(m.Id, m.Mention.Source, m.Mention.Brand, T0, Until, firstDue))], None);

    private Task<IReadOnlyList<ClaimedWatchEntry>> ClaimAsync(DateTimeOffset now, int limit = 100, string source = "x") =>
        Store.ClaimDueAsync(source, brand: null, now, dueBy: now, claimUntil: now.AddMinutes(5), limit, None);

    [TestMethod]
    public async Task Enrol_Twice_KeepsOneEntry_AndClaim_ReturnsItWithItsMention()
    {
        var stored = await StoreAsync(Scored("1"));
        await EnrolAsync(stored, T0.AddMinutes(2));

        await EnrolAsync(stored, T0.AddMinutes(30));
        var claimed = await ClaimAsync(T0.AddMinutes(2));

        var entry = claimed.Single();
        Assert.AreEqual(stored[0].Id, entry.Mention.Id);
        Assert.AreEqual("My order never arrived", entry.Mention.Mention.Text);
        Assert.AreEqual(new EngagementMetrics(1, 2, 3, 4), entry.Mention.Mention.Metrics);
        Assert.AreEqual(T0, entry.EnrolledAt);
        Assert.AreEqual(T0, entry.CadenceFrom);
        Assert.AreEqual(Until, entry.WatchUntil);
        Assert.IsNull(entry.LastRefreshedAt);
        Assert.AreEqual(0, entry.Refreshes);
    }

    [TestMethod]
    public async Task Claim_TakesOnlyDueEntriesOfTheSource_EarliestFirst_UpToTheLimit()
    {
        var stored = await StoreAsync(Scored("1"), Scored("2"), Scored("3"), Scored("r1", source: "reddit"));
        await Store.EnrolAsync(
        [
            new WatchEnrolment(stored[0].Id, "x", "acme", T0, Until, T0.AddMinutes(3)),
            new WatchEnrolment(stored[1].Id, "x", "acme", T0, Until, T0.AddMinutes(1)),
            new WatchEnrolment(stored[2].Id, "x", "acme", T0, Until, T0.AddMinutes(10)),
            new WatchEnrolment(stored[3].Id, "reddit", "acme", T0, Until, T0.AddMinutes(1)),
        ], None);

        var claimed = await ClaimAsync(T0.AddMinutes(5), limit: 1);
        var rest = await ClaimAsync(T0.AddMinutes(5));

        Assert.AreEqual("2", claimed.Single().Mention.Mention.ExternalId);
        Assert.AreEqual("1", rest.Single().Mention.Mention.ExternalId);
    }

    [TestMethod]
    public async Task Claim_SkipsEntriesClaimedByAnotherHost_UntilTheirClaimRunsOut()
    {
        var stored = await StoreAsync(Scored("1"));
        await EnrolAsync(stored, T0);
        await ClaimAsync(T0);

        var whileHeld = await ClaimAsync(T0.AddMinutes(4));
        var afterLease = await ClaimAsync(T0.AddMinutes(5));

        Assert.IsEmpty(whileHeld);
        Assert.HasCount(1, afterLease);
    }

    [TestMethod]
    public async Task Claim_LeavesOutEntriesWhoseWindowEnded_AndRemoveExpiredDeletesThem()
    {
        var stored = await StoreAsync(Scored("1"), Scored("2"));
        await Store.EnrolAsync(
        [
            new WatchEnrolment(stored[0].Id, "x", "acme", T0, T0.AddHours(1), T0),
            new WatchEnrolment(stored[1].Id, "x", "acme", T0, Until, T0),
        ], None);

        var claimed = await ClaimAsync(T0.AddHours(2));
        var removed = await Store.RemoveExpiredAsync(T0.AddHours(2), None);

        Assert.AreEqual("2", claimed.Single().Mention.Mention.ExternalId);
        Assert.AreEqual(1, removed);
        Assert.HasCount(1, await Store.GetCadencesAsync("acme", T0, None));
    }

    [TestMethod]
    public async Task Claim_KeepsAnEntryPastItsWindow_WhileItsAlertIsOpen_AndRemoveExpiredLeavesItWatched()
    {
        var stored = await StoreAsync(Scored("open"), Scored("resolved"), Scored("none"));
        await Store.EnrolAsync([.. stored.Select(m => new WatchEnrolment(m.Id, "x", "acme", T0, T0.AddHours(1), T0))], None);
        var alerts = Get<IAlertStore>();
        await alerts.CreateAsync(AlertFor(stored[0]), None);
        var resolved = await alerts.CreateAsync(AlertFor(stored[1]), None);
        await alerts.ApplyAsync(new AlertChange { AlertId = resolved.Id, ExpectedVersion = resolved.Version, Actor = "ann", At = T0, State = AlertState.Resolved, ResolvedAt = T0 }, None);

        var claimed = await ClaimAsync(T0.AddHours(2));
        var removed = await Store.RemoveExpiredAsync(T0.AddHours(2), None);
        var cadences = await Store.GetCadencesAsync("acme", T0.AddHours(2), None);

        Assert.AreEqual("open", claimed.Single().Mention.Mention.ExternalId, "an open alert's mention is still refreshed after its window");
        Assert.AreEqual(2, removed, "the resolved one and the one without an alert leave the list");
        Assert.HasCount(1, cadences, "and the open one is still counted as watched");
    }

    private static NewAlert AlertFor(StoredMention mention) => new()
    {
        Kind = AlertKind.Mention,
        MentionId = mention.Id,
        Brand = mention.Mention.Brand,
        Team = "care",
        Title = "t",
        CreatedAt = T0,
        Actor = "routing",
    };

    [TestMethod]
    public async Task Claim_ByManyHostsAtOnce_HandsEachEntryToOneOfThem()
    {
        var stored = await StoreAsync([.. Enumerable.Range(1, 60).Select(i => Scored(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        await EnrolAsync(stored, T0);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ClaimAsync(T0, limit: 15))));

        var ids = claims.SelectMany(c => c).Select(e => e.Mention.Id).ToList();
        Assert.HasCount(60, ids);
        Assert.AreEqual(60, ids.Distinct().Count());
    }

    [TestMethod]
    public async Task RecordRefresh_StoresSnapshotMetricsAndScore_AndMakesTheEntryDueAtItsNextTime()
    {
        var stored = await StoreAsync(Scored("1"));
        await EnrolAsync(stored, T0);
        await ClaimAsync(T0);
        var score = new MentionScore(
            new SentimentScore(SentimentLabel.Negative, 0.9f, 0.05f, 0.05f), 0.95f, new EscalationScore(0.93f, EscalationLevel.Critical, [new Reason(ReasonCodes.RepostsDoubling, "reposts doubling every 9 min", 0.8f)]), "test-model-2");

        await Store.RecordRefreshAsync([new WatchRefresh(stored[0].Id, T0.AddMinutes(1), new EngagementMetrics(10, 20, 3, 4), score, T0.AddMinutes(1), T0.AddMinutes(3))], None);
        var early = await ClaimAsync(T0.AddMinutes(2));
        var due = await ClaimAsync(T0.AddMinutes(3));

        Assert.IsEmpty(early);
        var entry = due.Single();
        Assert.AreEqual(T0.AddMinutes(1), entry.LastRefreshedAt);
        Assert.AreEqual(T0.AddMinutes(1), entry.CadenceFrom);
        Assert.AreEqual(1, entry.Refreshes);
        Assert.AreEqual(new EngagementMetrics(10, 20, 3, 4), entry.Mention.Mention.Metrics);
        Assert.AreEqual(EscalationLevel.Critical, entry.Mention.Score!.Escalation.Level);
        Assert.AreEqual(new Reason(ReasonCodes.RepostsDoubling, "reposts doubling every 9 min", 0.8f), entry.Mention.Score.Escalation.Reasons.Single());
        Assert.AreEqual("test-model-2", entry.Mention.Score.ModelVersion);
        var snapshot = (await Mentions.GetSnapshotsAsync(stored[0].Id, None)).Single();
        Assert.AreEqual(T0.AddMinutes(1), snapshot.At);
        Assert.AreEqual(new EngagementMetrics(10, 20, 3, 4), snapshot.Metrics);
    }

    [TestMethod]
    public async Task Release_MakesClaimedEntriesDueAtTheGivenTime_AndRemoveTakesThemOff()
    {
        var stored = await StoreAsync(Scored("1"), Scored("2"));
        await EnrolAsync(stored, T0);
        await ClaimAsync(T0);

        await Store.ReleaseAsync([stored[0].Id], T0.AddHours(3), None);
        await Store.RemoveAsync([stored[1].Id], None);
        var before = await ClaimAsync(T0.AddHours(3).AddSeconds(-1));
        var at = await ClaimAsync(T0.AddHours(3));

        Assert.IsEmpty(before);
        Assert.AreEqual(stored[0].Id, at.Single().Mention.Id);
        Assert.HasCount(1, await Store.GetCadencesAsync("acme", T0, None));
    }

    [TestMethod]
    public async Task AuthorHistories_CountTheAuthorsComplaintsToTheBrand_In7And30Days_LeavingOutTheMentionItself()
    {
        var stored = await StoreAsync(
            Scored("now", createdAt: T0.AddMinutes(-5)),
            Scored("3d", createdAt: T0.AddDays(-3)),
            Scored("20d", createdAt: T0.AddDays(-20)),
            Scored("40d", createdAt: T0.AddDays(-40)),
            Scored("other-brand", brand: "globex", createdAt: T0.AddDays(-1)),
            Scored("other-author", authorId: "u-2", createdAt: T0.AddDays(-1)));
        var mention = stored[0];

        var histories = await Store.GetAuthorHistoriesAsync(
            [new AuthorHistoryRequest(mention.Id, "x", "acme", "u-1"), new AuthorHistoryRequest(mention.Id, "x", "acme", "nobody"), new AuthorHistoryRequest(mention.Id, "x", "acme", "")],
            0.5f, T0, None);
        var stricter = await Store.GetAuthorHistoriesAsync([new AuthorHistoryRequest(mention.Id, "x", "acme", "u-1")], 0.9f, T0, None);

        Assert.AreEqual(new AuthorHistory(1, 2, 0), histories[0]);
        Assert.AreEqual(new AuthorHistory(0, 0, 0), histories[1]);
        Assert.AreEqual(new AuthorHistory(0, 0, 0), histories[2]);
        Assert.AreEqual(new AuthorHistory(0, 0, 0), stricter[0]);
    }

    [TestMethod]
    public async Task Cadences_ListTheBrandsEntriesInTheirWindow_WithTheirNextDueTime()
    {
        var stored = await StoreAsync(Scored("1"), Scored("g1", brand: "globex"));
        await EnrolAsync(stored, T0.AddMinutes(2));

        var cadences = await Store.GetCadencesAsync("acme", T0, None);

        Assert.AreEqual(new WatchEntryCadence("x", T0, T0.AddMinutes(2), Until), cadences.Single());
    }
}

[TestClass]
public sealed class SqliteWatchListStoreTests : WatchListStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlWatchListStoreTests : WatchListStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("watch_list");
}

[TestClass]
public sealed class SqlServerWatchListStoreTests : WatchListStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
