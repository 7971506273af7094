using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Sources.Demo;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class DemoMentionSourceTests : IDisposable
{
    private const string QueryKey = "Acme Air:demo:samples";
    private static readonly WatchQuery s_query = new(QueryKey, IngestHarness.Brand, DemoMentionSource.SourceName, "simulated mentions");

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
    public async Task Run_EmitsTheNextPostsOnEveryPoll_WrittenWithinThePollInterval()
    {
        await _harness.RunAsync(QueryKey);
        _time.Advance(TimeSpan.FromMinutes(2));
        await _harness.RunAsync(QueryKey);

        var ids = _harness.Store.Mentions.Select(m => m.Mention.ExternalId).ToList();
        Assert.AreEqual("demo-0,demo-1,demo-2,demo-3,demo-4,demo-5,demo-6,demo-7,demo-8,demo-9,demo-10,demo-11", string.Join(",", ids));
        var second = _harness.Store.Mentions.Skip(6).Select(m => m.Mention.CreatedAt).ToList();
        Assert.IsTrue(second.All(t => t <= _time.GetUtcNow() && t > _time.GetUtcNow() - TimeSpan.FromMinutes(2)));
        Assert.IsGreaterThan(1, second.Distinct().Count(), "posts of one poll are spread over the interval, not all at one instant");
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
    public async Task Fetch_FromTheSameCursorOnAnotherHost_ReturnsTheSamePostsWithTheSameTexts()
    {
        var (first, _) = Source(new DemoOptions(), _time);
        var (second, _) = Source(new DemoOptions(), new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromSeconds(40)));
        const string Cursor = """{"emitted":300,"polls":100}""";

        var a = await first.FetchAsync(s_query, Cursor, CancellationToken.None);
        var b = await second.FetchAsync(s_query, Cursor, CancellationToken.None);

        Assert.AreEqual(string.Join("\n", a.Mentions.Select(m => m.ExternalId + " " + m.Author.Id + " " + m.Text)), string.Join("\n", b.Mentions.Select(m => m.ExternalId + " " + m.Author.Id + " " + m.Text)));
        Assert.AreEqual(a.NextCursor, b.NextCursor);
        Assert.AreEqual("""{"emitted":303,"polls":101}""", a.NextCursor);
    }

    [TestMethod]
    public async Task Fetch_ACursorOfTheFormerSampleLoop_ReadsOnFromItsCount()
    {
        var (source, _) = Source(new DemoOptions(), _time);

        var page = await source.FetchAsync(s_query, """{"emitted":120}""", CancellationToken.None);

        Assert.AreEqual("demo-120,demo-121,demo-122", string.Join(",", page.Mentions.Select(m => m.ExternalId)));
    }

    [TestMethod]
    public async Task WithinTenMinutesOfStart_AComplaintFromASmallAccountCatchesFire_WhileItsQuietNeighboursStayFlat()
    {
        var (source, simulator) = Source(new DemoOptions(), _time);
        var stored = new List<StoredMention>();
        var firstReading = new Dictionary<long, long>();
        var lastReading = new Dictionary<long, long>();
        string? cursor = null;
        var start = _time.GetUtcNow();
        var nextPoll = start;

        // Polls at the default interval, refreshes every 2 minutes (the watch list's tightest step), for 10 minutes.
        for (var minute = 0; minute <= 10; minute += 2)
        {
            while (nextPoll <= _time.GetUtcNow())
            {
                var page = await source.FetchAsync(s_query, cursor, CancellationToken.None);
                cursor = page.NextCursor;
                stored.AddRange(page.Mentions.Select(m => new StoredMention(stored.Count + 1, m, null, false)));
                nextPoll += source.PollInterval;
            }

            foreach (var update in await source.RefreshAsync(stored, CancellationToken.None))
            {
                firstReading.TryAdd(update.MentionId, update.Metrics.Total);
                lastReading[update.MentionId] = update.Metrics.Total;
            }

            _time.Advance(TimeSpan.FromMinutes(2));
        }

        var smallComplaints = stored
            .Select(m => (m.Id, Post: simulator.Find(IngestHarness.Brand, m.Mention.ExternalId)!))
            .Where(p => p.Post.Kind == DemoKind.Complaint && p.Post.Author.Followers < DemoSimulator.SmallAccount)
            .ToList();
        var spreading = smallComplaints.Where(p => p.Post.Spreading).Select(p => p.Id).ToList();
        Assert.IsNotEmpty(spreading, "a complaint from a small account catches fire in the first 10 minutes");
        foreach (var id in spreading)
        {
            Assert.IsGreaterThanOrEqualTo(10 * Math.Max(1, firstReading[id]), lastReading[id], $"mention {id}: {firstReading[id]} -> {lastReading[id]}");
            Assert.IsGreaterThanOrEqualTo(firstReading[id] + 100, lastReading[id]);
        }

        var quiet = smallComplaints.Where(p => !p.Post.Spreading).Select(p => p.Id).ToList();
        Assert.IsGreaterThanOrEqualTo(3, quiet.Count, "there are quiet neighbours to compare with");
        foreach (var id in quiet)
        {
            Assert.IsLessThan(30, lastReading[id] - firstReading[id], $"quiet mention {id}: {firstReading[id]} -> {lastReading[id]}");
        }
    }

    [TestMethod]
    public async Task Refresh_OnTwoHostsAtTheSameMoment_ReportsTheSameEngagement_NeverBelowWhatWasStored()
    {
        var (first, _) = Source(new DemoOptions(), _time);
        var page = await first.FetchAsync(s_query, null, CancellationToken.None);
        var stored = page.Mentions.Select((m, i) => new StoredMention(i + 1, m, null, false)).ToList();
        stored[0] = stored[0] with { Mention = stored[0].Mention with { Metrics = new EngagementMetrics(1_000_000, 0, 0, 0) } };
        _time.Advance(TimeSpan.FromMinutes(7));
        var (second, _) = Source(new DemoOptions(), new FakeTimeProvider(_time.GetUtcNow()));

        var a = await first.RefreshAsync(stored, CancellationToken.None);
        var b = await second.RefreshAsync(stored, CancellationToken.None);

        CollectionAssert.AreEqual(a.ToList(), b.ToList());
        Assert.AreEqual(1_000_000, a[0].Metrics.Likes, "a refresh never lowers a stored counter");
        Assert.HasCount(stored.Count, a);
    }

    [TestMethod]
    public async Task Refresh_IgnoresIdsTheSimulatorDoesNotMake()
    {
        var (source, _) = Source(new DemoOptions(), _time);
        var foreign = new Mention
        {
            Source = "demo",
            ExternalId = "sample-01",
            Brand = IngestHarness.Brand,
            Text = "x",
            Author = MentionAuthor.Unknown,
            CreatedAt = _time.GetUtcNow(),
        };

        var updates = await source.RefreshAsync([new StoredMention(1, foreign, null, false)], CancellationToken.None);

        Assert.IsEmpty(updates);
    }

    [TestMethod]
    public async Task DefaultSettings_BringABurstAboutOneIncidentWithinTheFirstTwelvePolls()
    {
        var (source, simulator) = Source(new DemoOptions(), _time);
        var perPoll = new List<int>();
        var burstPosts = new List<Mention>();
        string? cursor = null;

        for (var poll = 0; poll < 40; poll++)
        {
            var page = await source.FetchAsync(s_query, cursor, CancellationToken.None);
            cursor = page.NextCursor;
            perPoll.Add(page.Mentions.Count);
            burstPosts.AddRange(page.Mentions.Where(m => m.ExternalId.StartsWith("demo-burst-", StringComparison.Ordinal)));
            _time.Advance(source.PollInterval);
        }

        var firstBurstPoll = perPoll.FindIndex(c => c > new DemoOptions().MentionsPerPoll);
        Assert.IsInRange(0, 11, firstBurstPoll);
        Assert.HasCount(new DemoOptions().BurstSize, burstPosts, "the whole burst arrives, spread over its polls");
        Assert.IsTrue(burstPosts.All(m => m.ExternalId.StartsWith("demo-burst-0-", StringComparison.Ordinal)));
        Assert.IsTrue(burstPosts.All(m => simulator.Find(IngestHarness.Brand, m.ExternalId)!.Kind == DemoKind.Incident));
        Assert.AreEqual(burstPosts.Count, burstPosts.Select(m => m.Text).Distinct().Count());

        // Within an hour the burst at least doubles the ordinary volume (3 posts every 2 minutes, 90 an hour).
        var busiestHour = Enumerable.Range(0, perPoll.Count - 30).Max(i => perPoll.Skip(i).Take(30).Sum());
        Assert.IsGreaterThanOrEqualTo(2 * 90, busiestHour);
    }

    [TestMethod]
    public async Task Burst_PostsAreTheSameOnEveryHost()
    {
        var (first, _) = Source(new DemoOptions(), _time);
        var (second, _) = Source(new DemoOptions(), _time);
        const string Cursor = """{"emitted":36,"polls":12}""";

        var a = await first.FetchAsync(s_query, Cursor, CancellationToken.None);
        var b = await second.FetchAsync(s_query, Cursor, CancellationToken.None);

        Assert.IsGreaterThan(3, a.Mentions.Count, "poll 12 falls inside the first burst");
        CollectionAssert.AreEqual(a.Mentions.Select(m => m.ExternalId + m.Text).ToList(), b.Mentions.Select(m => m.ExternalId + m.Text).ToList());
    }

    [TestMethod]
    public void Options_WithABurstLongerThanHalfItsSpacing_FailValidation()
    {
        using var harness = new IngestHarness(
            new Dictionary<string, string?>
            {
                ["Sources:Demo:Enabled"] = "true",
                ["Sources:Demo:BurstEvery"] = "01:00:00",
                ["Sources:Demo:BurstLength"] = "00:45:00",
            },
            _time);

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => harness.Get<IOptions<DemoOptions>>().Value);

        Assert.Contains("BurstLength", error.Message);
    }

    private static (DemoMentionSource Source, DemoSimulator Simulator) Source(DemoOptions options, TimeProvider time)
    {
        options.Enabled = true;
        var wrapped = Options.Create(options);
        var simulator = new DemoSimulator(wrapped);
        return (new DemoMentionSource(simulator, wrapped, time), simulator);
    }
}
