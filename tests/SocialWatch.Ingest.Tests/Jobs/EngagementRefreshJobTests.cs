using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Tests.Infrastructure;
using SocialWatch.Ingest.Tests.Sources;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Jobs;

[TestClass]
public sealed class EngagementRefreshJobTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly IngestHarness _harness;

    public EngagementRefreshJobTests()
    {
        var settings = XMentionSourceTests.XSettings(_server.Url!);
        settings["Sources:Demo:Enabled"] = "true";
        settings["Sources:X:DailyReadBudgetPerBrand"] = "1000";
        settings["Ingest:EngagementRefreshInterval"] = "00:00:30";

        // The resilience pipeline waits on the fake clock, which only the test moves: no retries here.
        settings["Sources:X:MaxRetries"] = "0";
        _harness = new IngestHarness(settings, _time);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public async Task Run_RecordsASnapshotPerMention_AndRedactsPostsXReportsNotFound_TakingThemOffTheList()
    {
        var seeded = await SeedWatchedAsync(("x", "300"), ("x", "290"));
        GivenLookup("""{"data":[{"id":"300","text":"x","public_metrics":{"retweet_count":40,"reply_count":9,"like_count":120,"quote_count":4}}],"errors":[{"value":"290","detail":"Could not find tweet with ids: [290].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"290","type":"https://api.twitter.com/2/problems/resource-not-found"}]}""");

        await _harness.RefreshAsync();

        var byId = _harness.Store.Mentions.ToDictionary(m => m.Mention.ExternalId);
        var snapshot = _harness.Store.Snapshots.Single();
        Assert.AreEqual(byId["300"].Id, snapshot.MentionId);
        Assert.AreEqual(new EngagementMetrics(120, 40, 9, 4), snapshot.Metrics);
        Assert.IsTrue(byId["290"].Redacted);
        Assert.AreEqual("", byId["290"].Mention.Text);
        Assert.AreEqual("300,290", _server.LogEntries.Single().RequestMessage.Query!["ids"].Single());
        Assert.AreEqual(1, await _harness.State.GetReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(Start.UtcDateTime), CancellationToken.None));
        CollectionAssert.AreEquivalent(new[] { seeded[0].Id }, _harness.WatchList.Entries.Keys.ToArray());
    }

    [TestMethod]
    public async Task Run_APostWatchedForTwoBrands_IsReadOnce_AndEveryCopyGetsTheAnswer()
    {
        var seeded = await SeedWatchedAsync(("x", "300", IngestHarness.Brand), ("x", "300", "Acme Rail"), ("x", "301", "Acme Rail"), ("x", "290", IngestHarness.Brand), ("x", "290", "Acme Rail"));
        GivenLookup("""{"data":[{"id":"300","text":"x","public_metrics":{"retweet_count":40,"reply_count":9,"like_count":120,"quote_count":4}},{"id":"301","text":"x","public_metrics":{"retweet_count":0,"reply_count":0,"like_count":2,"quote_count":0}}],"errors":[{"value":"290","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"290","type":"https://api.twitter.com/2/problems/resource-not-found"}]}""");

        await _harness.RefreshAsync();

        Assert.HasCount(5, seeded, "one stored mention per brand");
        var ids = _server.LogEntries.Single().RequestMessage.Query!["ids"].Single().Split(',');
        Assert.AreEqual("290,300,301", string.Join(",", ids.Order(StringComparer.Ordinal)), "one lookup, each post in it once");
        var copiesOf300 = seeded.Where(m => m.Mention.ExternalId == "300").Select(m => m.Id).ToArray();
        CollectionAssert.AreEquivalent(copiesOf300, _harness.Store.Snapshots.Where(s => s.Metrics.Likes == 120).Select(s => s.MentionId).ToArray());
        Assert.IsTrue(copiesOf300.All(id => _harness.Store.Mentions.Single(m => m.Id == id).Mention.Metrics.Likes == 120));
        Assert.IsTrue(_harness.Store.Mentions.Where(m => m.Mention.ExternalId == "290").All(m => m.Redacted), "a deleted post is redacted for every brand");
        CollectionAssert.AreEquivalent(
            seeded.Where(m => m.Mention.ExternalId != "290").Select(m => m.Id).ToArray(), _harness.WatchList.Entries.Keys.ToArray());
        var day = DateOnly.FromDateTime(Start.UtcDateTime);
        var reads = await _harness.State.GetReadsAsync("x", IngestHarness.Brand, day, CancellationToken.None)
            + await _harness.State.GetReadsAsync("x", "Acme Rail", day, CancellationToken.None);
        Assert.AreEqual(2, reads, "two posts returned, each charged once");
    }

    [TestMethod]
    public async Task Run_WhenOneSourceFails_StillRefreshesTheOthers_ThenFails()
    {
        await SeedWatchedAsync(("x", "300"), ("demo", "demo-0"));
        _server.Given(Request.Create().WithPath("/2/tweets").UsingGet()).RespondWith(Response.Create().WithStatusCode(503).WithBody("down"));

        var error = await Assert.ThrowsExactlyAsync<AggregateException>(_harness.RefreshAsync);

        Assert.IsInstanceOfType<SourceResponseException>(error.InnerExceptions.Single());
        Assert.AreEqual("demo", _harness.Store.Mentions.Single(m => m.Id == _harness.Store.Snapshots.Single().MentionId).Mention.Source);
    }

    [TestMethod]
    public async Task Run_UsageCapOnLookup_PausesXAndRaisesAnOperatorAlert()
    {
        await SeedWatchedAsync(("x", "300"));
        _server.Given(Request.Create().WithPath("/2/tweets").UsingGet()).RespondWith(Response.Create().WithStatusCode(429).WithBody(
            """{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","period":"Monthly","type":"https://api.twitter.com/2/problems/usage-capped"}"""));

        await _harness.RefreshAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        await _harness.RefreshAsync();

        Assert.IsNotNull(await _harness.State.GetPauseAsync("x", CancellationToken.None));
        Assert.HasCount(1, _harness.OperatorAlerts.Raised);
        Assert.HasCount(1, _server.LogEntries, "the paused source is not asked again");
    }

    [TestMethod]
    public async Task Run_ReScoresThePageInOneScorerCall_WithItsVelocityAndTheAuthorsHistory_StoresTheScore_AndHandsItOver()
    {
        var seeded = await SeedWatchedAsync(("x", "300"), ("x", "301"));
        await SeedEarlierComplaintAsync("299", Start.AddDays(-2));
        _time.Advance(TimeSpan.FromMinutes(30));
        GivenLookup(Lookup(("300", 61), ("301", 1)));

        await _harness.RefreshAsync();

        Assert.AreEqual(1, _harness.Scorer.BatchSizes.Count(size => size == 2), "one scorer call for the page");
        var spreading = _harness.Scorer.Inputs.Single(i => i.Text.EndsWith("300", StringComparison.Ordinal));
        Assert.AreEqual(120.0, spreading.Velocity!.EngagementPerHour, 1e-6, "60 interactions gained in the half hour since ingest");
        Assert.AreEqual(new AuthorHistory(2, 2, 0), spreading.History, "the two days old complaint and the twin, not the mention itself");
        Assert.AreEqual(61, spreading.Metrics.Total);
        Assert.AreEqual("test", _harness.Store.Mentions.Single(m => m.Id == seeded[0].Id).Score!.ModelVersion, "the new score is stored");
        var handed = _harness.Rescored.Received.Single(r => r.Mention.Id == seeded[0].Id);
        Assert.AreEqual("seed", handed.Previous!.ModelVersion);
        Assert.AreEqual("test", handed.Mention.Score!.ModelVersion);
        Assert.AreEqual(61, handed.Mention.Mention.Metrics.Total);
    }

    [TestMethod]
    public async Task Run_WhenTheBrandsReadBudgetIsUsedUp_StopsItsRefreshesUntilTheNextDay_AndSaysSo()
    {
        await SeedWatchedAsync(("x", "300"), ("x", "301"));
        await _harness.State.AddReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(Start.UtcDateTime), 999, CancellationToken.None);
        GivenLookup(Lookup(("300", 5), ("301", 5)));

        await _harness.RefreshAsync();
        _time.Advance(TimeSpan.FromMinutes(30));
        await _harness.RefreshAsync();

        Assert.HasCount(1, _server.LogEntries.Single().RequestMessage.Query!["ids"].Single().Split(','), "one read was left in the budget");
        Assert.AreEqual(1000, await _harness.State.GetReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(Start.UtcDateTime), CancellationToken.None));
        var alert = _harness.OperatorAlerts.Raised.First();
        Assert.AreEqual("x", alert.Source);
        StringAssert.Contains(alert.Message, "read budget");
        StringAssert.Contains(alert.Message, IngestHarness.Brand);
        Assert.IsTrue(_harness.Logs.Entries.Any(e => e.Message.Contains("used up", StringComparison.Ordinal)), "and it is logged");
        Assert.IsTrue(_harness.WatchList.Entries.Values.All(e => e.NextDueAt <= Start.Date.AddDays(1)), "the held entry is due again when the budget resets");
    }

    [TestMethod]
    public async Task Run_RefreshesAFlatMentionAtTheBackedOffCadence_AndAGrowingOneAtTheShortestAgain()
    {
        var seeded = await SeedWatchedAsync(("x", "300"));
        var id = seeded[0].Id;
        GivenLookup(Lookup(("300", 1)));
        var lookups = new List<DateTimeOffset>();

        // 30 s shortest cadence for the first 30 min, then the default back-off (5 min from 30 min on).
        for (var minute = 0; minute < 40; minute++)
        {
            var before = _server.LogEntries.Count;
            await _harness.RefreshAsync();
            if (_server.LogEntries.Count > before)
            {
                lookups.Add(_time.GetUtcNow());
            }

            _time.Advance(TimeSpan.FromSeconds(30));
            await _harness.RefreshAsync();
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        var late = lookups.Where(t => t >= Start.AddMinutes(31)).ToList();
        Assert.IsTrue(late.Zip(late.Skip(1), (a, b) => b - a).All(gap => gap >= TimeSpan.FromMinutes(4.5)), "backed off to about 5 min");

        _server.Reset();
        GivenLookup(Lookup(("300", 100)));
        for (var step = 0; step < 20 && !_server.LogEntries.Any(); step++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await _harness.RefreshAsync();
        }

        var afterGrowth = _harness.WatchList.Entries[id];

        Assert.AreEqual(_time.GetUtcNow(), afterGrowth.CadenceFrom, "growth restarts the cadence");
        Assert.AreEqual(_time.GetUtcNow().AddSeconds(30), afterGrowth.NextDueAt, "at the shortest interval");
    }

    private void GivenLookup(string body) =>
        _server.Given(Request.Create().WithPath("/2/tweets").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));

    private static string Lookup(params (string Id, int Likes)[] posts) =>
        "{\"data\":[" + string.Join(',', posts.Select(p =>
            "{\"id\":\"" + p.Id + "\",\"text\":\"x\",\"public_metrics\":{\"retweet_count\":0,\"reply_count\":0,\"like_count\":"
            + p.Likes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"quote_count\":0}}")) + "]}";

    private static MentionScore SeedScore => new(new SentimentScore(SentimentLabel.Negative, 0.8f, 0.1f, 0.1f), 0.9f, new EscalationScore(0.7f, EscalationLevel.High, []), "seed");

    private static Mention MentionFor(string source, string id, DateTimeOffset createdAt, string brand = IngestHarness.Brand) => new()
    {
        Source = source,
        ExternalId = id,
        Brand = brand,
        Text = "Acme Air " + id,
        Author = new MentionAuthor("u1", "marta", null, 10, false),
        Metrics = new EngagementMetrics(1, 0, 0, 0),
        CreatedAt = createdAt,
        IngestedAt = Start,
    };

    private Task<IReadOnlyList<StoredMention>> SeedWatchedAsync(params (string Source, string Id)[] mentions) =>
        SeedWatchedAsync([.. mentions.Select(m => (m.Source, m.Id, IngestHarness.Brand))]);

    private async Task<IReadOnlyList<StoredMention>> SeedWatchedAsync(params (string Source, string Id, string Brand)[] mentions)
    {
        var batch = mentions.Select(m => new ScoredMention(MentionFor(m.Source, m.Id, Start.AddMinutes(-1), m.Brand), SeedScore)).ToList();
        var result = await _harness.Store.StoreBatchAsync(new IngestBatch("seed:" + Guid.NewGuid().ToString("N"), batch, null, null), CancellationToken.None);
        await _harness.WatchList.EnrolAsync(
            [.. result.Inserted.Select(m => new WatchEnrolment(m.Id, m.Mention.Source, m.Mention.Brand, Start, Start.AddHours(48), Start))], CancellationToken.None);
        return result.Inserted;
    }

    private Task SeedEarlierComplaintAsync(string id, DateTimeOffset createdAt) =>
        _harness.Store.StoreBatchAsync(
            new IngestBatch("seed:" + id, [new ScoredMention(MentionFor("x", id, createdAt), SeedScore)], null, null), CancellationToken.None);
}
