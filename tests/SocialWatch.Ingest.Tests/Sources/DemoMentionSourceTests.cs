using Microsoft.Extensions.Time.Testing;
using SocialWatch.Ingest.Sources.Demo;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class DemoMentionSourceTests : IDisposable
{
    private const string QueryKey = "Acme Air:demo:samples";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly IngestHarness _harness;

    public DemoMentionSourceTests()
    {
        _harness = new IngestHarness(
            new Dictionary<string, string?>
            {
                ["Sources:Demo:Enabled"] = "true",
                ["Sources:Demo:MentionsPerPoll"] = "6",
            },
            _time);
    }

    public void Dispose() => _harness.Dispose();

    [TestMethod]
    public void Samples_AreSixtyDistinctMentionsOfTheDemoBrand_SomeOfThemViral()
    {
        var samples = new DemoClient().Samples;

        Assert.HasCount(60, samples);
        Assert.AreEqual(60, samples.Select(s => s.Text).Distinct().Count());
        Assert.IsTrue(samples.All(s => s.Text.Contains("Acme Air", StringComparison.Ordinal) || s.Text.Contains("@AcmeAir", StringComparison.Ordinal)));
        Assert.IsGreaterThanOrEqualTo(5, samples.Count(s => s.Viral));
    }

    [TestMethod]
    public async Task Run_EmitsFreshIdsAndTimestampsOnEveryPoll()
    {
        await _harness.RunAsync(QueryKey);
        _time.Advance(TimeSpan.FromSeconds(30));
        await _harness.RunAsync(QueryKey);

        var ids = _harness.Store.Mentions.Select(m => m.Mention.ExternalId).ToList();
        Assert.AreEqual("demo-0,demo-1,demo-2,demo-3,demo-4,demo-5,demo-6,demo-7,demo-8,demo-9,demo-10,demo-11", string.Join(",", ids));
        Assert.AreEqual(_time.GetUtcNow(), _harness.Store.Mentions[6].Mention.CreatedAt);
        Assert.IsTrue(_harness.Store.Mentions.All(m => m.Mention.Brand == IngestHarness.Brand));
    }

    [TestMethod]
    public async Task Run_AfterACrashBeforeCommit_ProducesTheSameIdsSoNothingIsStoredTwice()
    {
        _harness.Store.FailOnCall = 0;

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => _harness.RunAsync(QueryKey));
        await _harness.RunAsync(QueryKey);

        Assert.AreEqual("demo-0,demo-1,demo-2,demo-3,demo-4,demo-5", string.Join(",", _harness.Store.Mentions.Select(m => m.Mention.ExternalId)));
    }

    [TestMethod]
    public async Task Refresh_GrowsTheEngagementOfViralSamples()
    {
        await _harness.RunAsync(QueryKey);
        foreach (var mention in _harness.Store.Mentions)
        {
            await _harness.WatchAsync(mention);
        }

        // demo-5 replays the sixth sample, a viral one (230 likes); demo-0 is an ordinary complaint (14 likes).
        _time.Advance(TimeSpan.FromMinutes(10));
        await _harness.RefreshAsync();

        var viral = _harness.Store.Mentions.Single(m => m.Mention.ExternalId == "demo-5");
        var ordinary = _harness.Store.Mentions.Single(m => m.Mention.ExternalId == "demo-0");
        Assert.AreEqual(230 + (10 * 12), viral.Mention.Metrics.Likes);
        Assert.AreEqual(16, ordinary.Mention.Metrics.Likes);
        Assert.HasCount(6, _harness.Store.Snapshots);
    }
}
