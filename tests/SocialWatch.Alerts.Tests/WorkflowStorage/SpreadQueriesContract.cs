using SocialWatch.Alerts.Spread;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Spread;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.WorkflowStorage;

/// <summary>What every <see cref="ISpreadQueries"/> must do, whatever the dialect.</summary>
public abstract class SpreadQueriesContract : WorkflowStoreContract
{
    private ISpreadQueries Queries => Resolve<ISpreadQueries>();

    private Task EnrolAsync(long mentionId, DateTimeOffset watchUntil) =>
        Resolve<IWatchListStore>().EnrolAsync([new WatchEnrolment(mentionId, "x", "acme", T0, watchUntil, T0.AddMinutes(2))], None);

    private Task RefreshAsync(long mentionId, DateTimeOffset at, DateTimeOffset cadenceFrom, long likes) =>
        Resolve<IWatchListStore>().RecordRefreshAsync([new WatchRefresh(mentionId, at, new EngagementMetrics(likes, 0, 0, 0), null, cadenceFrom, at.AddMinutes(5))], None);

    [TestMethod]
    public async Task SnapshotSeries_GivesEachMentionsLatestPointsInTheWindow_OldestFirst()
    {
        var a = await StoreMentionAsync("1");
        var b = await StoreMentionAsync("2");
        var none = await StoreMentionAsync("3");
        await Resolve<IMentionStore>().AddSnapshotsAsync(
        [
            new(a, T0.AddHours(-3), new(1, 0, 0, 0)), new(a, T0.AddHours(3), new(40, 0, 0, 0)), new(a, T0, new(10, 0, 0, 0)),
            new(a, T0.AddHours(1), new(20, 0, 0, 0)), new(a, T0.AddHours(2), new(30, 1, 1, 1)),
            new(b, T0.AddHours(-2), new(5, 0, 0, 0)), new(b, T0.AddHours(1), new(7, 0, 0, 0)),
        ], None);

        var series = await Queries.GetSnapshotSeriesAsync([a, b, none, a], T0.AddHours(-1), maxPerMention: 3, None);

        Assert.AreEqual("1h:20,2h:33,3h:40", string.Join(",", series[a].Select(s => $"{(s.At - T0).TotalHours}h:{s.Metrics.Total}")));
        Assert.AreEqual("1h:7", string.Join(",", series[b].Select(s => $"{(s.At - T0).TotalHours}h:{s.Metrics.Total}")));
        Assert.IsFalse(series.ContainsKey(none));
        Assert.AreEqual(T0.AddHours(1), series[b][0].At);
    }

    [TestMethod]
    public async Task SnapshotSeries_ReadsMoreIdsThanOneCommandTakes()
    {
        var early = await StoreMentionAsync("1");
        var late = await StoreMentionAsync("2");
        await Resolve<IMentionStore>().AddSnapshotsAsync([new(early, T0, new(1, 0, 0, 0)), new(late, T0, new(2, 0, 0, 0))], None);
        long[] ids = [early, .. Enumerable.Range(1, 2_500).Select(i => late + 10_000L + i), late];

        var series = await Queries.GetSnapshotSeriesAsync(ids, T0.AddDays(-1), maxPerMention: 10, None);

        Assert.HasCount(2, series);
        Assert.AreEqual(2, series[late].Single().Metrics.Likes);
    }

    [TestMethod]
    public async Task SnapshotSeries_OfNoIds_IsEmpty()
    {
        var series = await Queries.GetSnapshotSeriesAsync([], T0, maxPerMention: 10, None);

        Assert.IsEmpty(series);
    }

    [TestMethod]
    public async Task RecentlyGrowing_ListsRefreshedEntriesStillWatched_LatestGrowthFirst_WithTheirAlerts()
    {
        var quiet = await StoreMentionAsync("quiet");
        var growing = await StoreMentionAsync("growing");
        var neverRead = await StoreMentionAsync("never-read");
        var ended = await StoreMentionAsync("ended");
        await EnrolAsync(quiet, T0.AddHours(48));
        await EnrolAsync(growing, T0.AddHours(48));
        await EnrolAsync(neverRead, T0.AddHours(48));
        await EnrolAsync(ended, T0.AddMinutes(30));
        await RefreshAsync(quiet, T0.AddMinutes(20), cadenceFrom: T0, likes: 1);
        await RefreshAsync(growing, T0.AddMinutes(20), cadenceFrom: T0.AddMinutes(20), likes: 90);
        await RefreshAsync(ended, T0.AddMinutes(25), cadenceFrom: T0.AddMinutes(25), likes: 500);
        var alert = await CreateAlertAsync(growing);

        var watched = await Queries.GetRecentlyGrowingAsync(T0.AddMinutes(40), limit: 10, None);
        var first = await Queries.GetRecentlyGrowingAsync(T0.AddMinutes(40), limit: 1, None);

        CollectionAssert.AreEqual(new[] { growing, quiet }, watched.Select(w => w.Mention.Id).ToArray());
        Assert.AreEqual(alert.Id, watched[0].AlertId);
        Assert.IsNull(watched[1].AlertId);
        Assert.AreEqual(T0.AddMinutes(20), watched[0].GrowthSeenAt);
        Assert.AreEqual(T0.AddHours(48), watched[0].WatchUntil);
        Assert.AreEqual(("acme", "x", 90L), (watched[0].Brand, watched[0].Mention.Source, watched[0].Mention.Engagement));
        Assert.AreEqual(("handle_u-1", "https://example.com/x/growing", "My order never arrived"), (watched[0].Mention.AuthorHandle, watched[0].Mention.Url, watched[0].Mention.Text));
        Assert.AreEqual(growing, first.Single().Mention.Id);
    }
}

[TestClass]
public sealed class SqliteSpreadQueriesTests : SpreadQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlSpreadQueriesTests : SpreadQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("spread_queries");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerSpreadQueriesTests : SpreadQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
