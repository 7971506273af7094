using Microsoft.Data.Sqlite;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Host.Tests.Ingest;

/// <summary>The ingest job, the X source and the real SQLite stores together.</summary>
[TestClass]
public sealed class IngestSqliteIntegrationTests : IAsyncDisposable
{
    private const string SearchPath = "/2/tweets/search/recent";

    private readonly WireMockServer _x = WireMockServer.Start();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"socialwatch-ingest-{Guid.NewGuid():N}.db");
    private readonly IngestTestHost _host;

    public IngestSqliteIntegrationTests()
    {
        _host = new IngestTestHost("Sqlite", $"Data Source={_file}", _x.Url!);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _x.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [TestInitialize]
    public Task MigrateAsync() => _host.MigrateAsync();

    [TestMethod]
    public async Task Run_TruncatedSecondPage_ThenRerun_StoresEveryPostExactlyOnce()
    {
        GivenPage(null, XPages.Search(["300", "290"], "page-2"));
        _x.Given(Request.Create().WithPath(SearchPath).WithParam("next_token", "page-2").UsingGet()).AtPriority(1)
            .InScenario("truncated").WillSetStateTo("fixed")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPages.Search(["290", "280", "270"], null)[..90]));
        _x.Given(Request.Create().WithPath(SearchPath).WithParam("next_token", "page-2").UsingGet()).AtPriority(1)
            .InScenario("truncated").WhenStateIs("fixed")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPages.Search(["290", "280", "270"], null)));

        await Assert.ThrowsExactlyAsync<SocialWatch.Ingest.SourceResponseException>(() => _host.RunAsync());
        var storedAfterFailure = await StoredIdsAsync();
        await _host.RunAsync();

        Assert.AreEqual("290,300", storedAfterFailure, "the first page was committed with its cursor before the second failed");
        Assert.AreEqual("270,280,290,300", await StoredIdsAsync());
        Assert.HasCount(4, _host.Routed.Received, "routing saw every mention exactly once");
        var cursor = await _host.Get<IMentionStore>().GetCursorAsync(IngestTestHost.XQueryKey, CancellationToken.None);
        Assert.AreEqual("{\"since_id\":\"300\"}", cursor);
        var reads = await _host.Get<IIngestStateStore>().GetReadsAsync("x", IngestTestHost.Brand, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        Assert.AreEqual(5, reads, "both fetches of page two were read, and billed");
    }

    [TestMethod]
    public async Task Refresh_RecordsSnapshotsForWatchedComplaints_AndRedactsPostsXNoLongerFinds()
    {
        GivenPage(null, XPages.Search(["300", "290"], null));
        await _host.RunAsync();
        var store = _host.Get<IMentionStore>();
        var kept = (await store.FindMentionAsync("x", "300", CancellationToken.None))!;
        var deleted = (await store.FindMentionAsync("x", "290", CancellationToken.None))!;
        // Both complaints were put on the watch list when stored; make them due now rather than at their first cadence step.
        await _host.Get<IWatchListStore>().ReleaseAsync([kept.Id, deleted.Id], DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);

        // What the deleted post left elsewhere: an earlier snapshot and an alert quoting it.
        await store.AddSnapshotsAsync([new(deleted.Id, DateTimeOffset.UtcNow.AddHours(-1), new(1, 1, 1, 1))], CancellationToken.None);
        var alert = await _host.Get<IAlertStore>().CreateAsync(
            new NewAlert { Kind = AlertKind.Mention, MentionId = deleted.Id, Brand = IngestTestHost.Brand, Team = "care", Title = "@someone: " + deleted.Mention.Text, CreatedAt = DateTimeOffset.UtcNow, Actor = "routing" },
            CancellationToken.None);

        _x.Given(Request.Create().WithPath("/2/tweets").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """{"data":[{"id":"300","text":"x","public_metrics":{"retweet_count":40,"reply_count":9,"like_count":120,"quote_count":4}}],"errors":[{"value":"290","detail":"Could not find tweet with ids: [290].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"290","type":"https://api.twitter.com/2/problems/resource-not-found"}]}"""));

        await _host.RefreshAsync();

        var snapshots = await store.GetSnapshotsAsync(kept.Id, CancellationToken.None);
        Assert.AreEqual(120, snapshots.Single().Metrics.Likes);
        Assert.AreEqual(40, (await store.GetMentionAsync(kept.Id, CancellationToken.None))!.Mention.Metrics.Reposts);
        var redacted = (await store.GetMentionAsync(deleted.Id, CancellationToken.None))!;
        Assert.IsTrue(redacted.Redacted);
        Assert.AreEqual("", redacted.Mention.Text);
        Assert.IsEmpty(await store.GetSnapshotsAsync(deleted.Id, CancellationToken.None));
        var scrubbed = (await _host.Get<IAlertStore>().GetAsync(alert.Id, CancellationToken.None))!;
        Assert.AreEqual(("[text removed: the post was deleted at its source]", (long?)deleted.Id), (scrubbed.Title, scrubbed.MentionId));
    }

    private void GivenPage(string? nextToken, string body)
    {
        var request = Request.Create().WithPath(SearchPath).UsingGet();
        if (nextToken is not null)
        {
            request = request.WithParam("next_token", nextToken);
        }

        _x.Given(request).AtPriority(nextToken is null ? 10 : 1).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
        _x.Given(Request.Create().WithPath(SearchPath).WithParam("since_id", "300").UsingGet()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPages.Search([], null)));
    }

    private async Task<string> StoredIdsAsync()
    {
        var mentions = await _host.Get<IMentionStore>().GetMentionsAsync(new Core.Mentions.MentionQuery { Source = "x" }, CancellationToken.None);
        return string.Join(",", mentions.Select(m => m.Mention.ExternalId).Order(StringComparer.Ordinal));
    }
}
