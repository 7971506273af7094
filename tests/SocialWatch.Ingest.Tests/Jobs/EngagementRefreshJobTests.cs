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
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly IngestHarness _harness;

    public EngagementRefreshJobTests()
    {
        var settings = XMentionSourceTests.XSettings(_server.Url!);
        settings["Sources:Demo:Enabled"] = "true";
        _harness = new IngestHarness(settings);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public async Task Run_RecordsASnapshotPerMention_AndRedactsPostsXReportsNotFound()
    {
        await SeedOpenAlertsAsync(("x", "300"), ("x", "290"));
        _server.Given(Request.Create().WithPath("/2/tweets").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """{"data":[{"id":"300","text":"x","public_metrics":{"repost_count":40,"reply_count":9,"like_count":120,"quote_count":4}}],"errors":[{"value":"290","detail":"Could not find tweet with ids: [290].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"290","type":"https://api.twitter.com/2/problems/resource-not-found"}]}"""));

        await _harness.RefreshAsync();

        var byId = _harness.Store.Mentions.ToDictionary(m => m.Mention.ExternalId);
        var snapshot = _harness.Store.Snapshots.Single();
        Assert.AreEqual(byId["300"].Id, snapshot.MentionId);
        Assert.AreEqual(new EngagementMetrics(120, 40, 9, 4), snapshot.Metrics);
        Assert.IsTrue(byId["290"].Redacted);
        Assert.AreEqual("", byId["290"].Mention.Text);
        Assert.AreEqual("300,290", _server.LogEntries.Single().RequestMessage.Query!["ids"].Single());
        Assert.AreEqual(1, await _harness.State.GetReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_WhenOneSourceFails_StillRefreshesTheOthers_ThenFails()
    {
        await SeedOpenAlertsAsync(("x", "300"), ("demo", "demo-0"));
        _server.Given(Request.Create().WithPath("/2/tweets").UsingGet()).RespondWith(Response.Create().WithStatusCode(503).WithBody("down"));

        var error = await Assert.ThrowsExactlyAsync<AggregateException>(_harness.RefreshAsync);

        Assert.IsInstanceOfType<SourceResponseException>(error.InnerExceptions.Single());
        Assert.AreEqual("demo", _harness.Store.Mentions.Single(m => m.Id == _harness.Store.Snapshots.Single().MentionId).Mention.Source);
    }

    [TestMethod]
    public async Task Run_UsageCapOnLookup_PausesXAndRaisesAnOperatorAlert()
    {
        await SeedOpenAlertsAsync(("x", "300"));
        _server.Given(Request.Create().WithPath("/2/tweets").UsingGet()).RespondWith(Response.Create().WithStatusCode(429).WithBody(
            """{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","period":"Monthly","type":"https://api.twitter.com/2/problems/usage-capped"}"""));

        await _harness.RefreshAsync();
        await _harness.RefreshAsync();

        Assert.IsNotNull(await _harness.State.GetPauseAsync("x", CancellationToken.None));
        Assert.HasCount(1, _harness.OperatorAlerts.Raised);
        Assert.HasCount(1, _server.LogEntries, "the paused source is not asked again");
    }

    private async Task SeedOpenAlertsAsync(params (string Source, string Id)[] mentions)
    {
        var score = new MentionScore(new SentimentScore(SentimentLabel.Negative, 0.8f, 0.1f, 0.1f), 0.9f, new EscalationScore(0.7f, EscalationLevel.High, []), "test");
        var batch = mentions.Select(m => new ScoredMention(
            new Mention
            {
                Source = m.Source,
                ExternalId = m.Id,
                Brand = IngestHarness.Brand,
                Text = "Acme Air " + m.Id,
                Author = new MentionAuthor("u1", "marta", null, 10, false),
                CreatedAt = DateTimeOffset.UtcNow,
            },
            score)).ToList();
        var result = await _harness.Store.StoreBatchAsync(new IngestBatch("seed", batch, null, null), CancellationToken.None);
        foreach (var stored in result.Inserted)
        {
            _harness.Store.OpenAlertMentionIds.Add(stored.Id);
        }
    }
}
