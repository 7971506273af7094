using System.Diagnostics;
using System.Web;
using SocialWatch.Ingest.Sources.Bluesky;
using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class JetstreamConsumerTests : IAsyncDisposable
{
    // Jetstream cursors are microseconds since the epoch; the events here are one second apart, in December 2024.
    private const long T0 = 1_733_000_000_000_000;
    private const long Second = 1_000_000;
    private const string Did = "did:plc:eygmaihciaxprqvxpfvl6flk";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly FakeJetstreamServer _server = new();
    private readonly WireMockServer _appView = WireMockServer.Start();
    private IngestHarness? _harness;

    public JetstreamConsumerTests()
    {
        _appView.Given(Request.Create().WithPath("/xrpc/app.bsky.actor.getProfiles").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(
                $$"""{"profiles":[{"did":"{{Did}}","handle":"marta.bsky.social","displayName":"Marta","followersCount":1234,"followsCount":10}]}"""));
    }

    public async ValueTask DisposeAsync()
    {
        _harness?.Dispose();
        _appView.Dispose();
        await _server.DisposeAsync();
    }

    [TestMethod]
    public async Task Run_AcrossADroppedConnection_StoresEveryMatchingPostOnce()
    {
        var harness = Harness();
        for (var i = 0; i < 12; i++)
        {
            _server.Add(T0 + (i * Second), i == 5
                ? FakeJetstreamServer.Identity(T0 + (i * Second), Did)
                : FakeJetstreamServer.Post(T0 + (i * Second), Did, $"rk{i}", i % 2 == 0 ? $"Acme Air lost bag number {i}" : "lovely weather today"));
        }

        _server.DropNextConnectionAfter(7);

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(11));

        var stored = harness.Store.Mentions.Select(m => m.Mention.ExternalId).Order().ToList();
        Assert.AreEqual(
            string.Join(" ", ((int[])[0, 10, 2, 4, 6, 8]).Select(i => $"at://{Did}/app.bsky.feed.post/rk{i}")), string.Join(" ", stored),
            "every matching post once, none lost");
        var requests = _server.Requests;
        Assert.IsGreaterThanOrEqualTo(2, requests.Count);
        Assert.IsTrue(requests.All(r => HttpUtility.ParseQueryString(r.Query)["wantedCollections"] == "app.bsky.feed.post"));
        Assert.IsNull(HttpUtility.ParseQueryString(requests[0].Query)["cursor"], "the first connection reads live");
        var resumed = long.Parse(HttpUtility.ParseQueryString(requests[1].Query)["cursor"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(Time(6) - (5 * Second), resumed, "the reconnect resumes five seconds before the last event it read");
    }

    [TestMethod]
    public async Task Run_DeleteEvent_RedactsTheStoredPost()
    {
        var harness = Harness();
        _server.Add(Time(0), FakeJetstreamServer.Post(Time(0), Did, "kept", "acme air was fine today"));
        _server.Add(Time(1), FakeJetstreamServer.Post(Time(1), Did, "gone", "acme air is the worst"));
        _server.Add(Time(2), FakeJetstreamServer.Delete(Time(2), Did, "gone"));
        _server.Add(Time(3), FakeJetstreamServer.Post(Time(3), Did, "brief", "acme air, never mind"));
        _server.Add(Time(4), FakeJetstreamServer.Delete(Time(4), Did, "brief"));
        _server.Add(Time(5), FakeJetstreamServer.Delete(Time(5), Did, "never-stored"));

        // The first connection ends after the two posts, so they are stored before their deletes come.
        _server.DropNextConnectionAfter(2);

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(5));

        var byRkey = harness.Store.Mentions.ToDictionary(m => m.Mention.ExternalId[(m.Mention.ExternalId.LastIndexOf('/') + 1)..]);
        Assert.IsFalse(byRkey["kept"].Redacted);
        Assert.IsTrue(byRkey["gone"].Redacted);
        Assert.AreEqual("", byRkey["gone"].Mention.Text);
        Assert.IsTrue(!byRkey.TryGetValue("brief", out var brief) || brief.Redacted, "a post deleted before it was stored stays unreadable");
        Assert.AreEqual(3, harness.Get<JetstreamStats>().Deletes);
    }

    [TestMethod]
    public async Task Run_CommitsTheCursorWithThePageThatReadIt()
    {
        var harness = Harness();
        for (var i = 0; i < 6; i++)
        {
            _server.Add(Time(i), FakeJetstreamServer.Post(Time(i), Did, $"rk{i}", $"acme air complaint {i}"));
        }

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(5));

        string? previous = null;
        foreach (var batch in harness.Store.Batches)
        {
            Assert.AreEqual(batch.ExpectedCursor, previous, "each page is committed on top of the last");
            var newest = batch.Mentions.Select(m => Time(int.Parse(m.Mention.ExternalId[^1..], System.Globalization.CultureInfo.InvariantCulture))).DefaultIfEmpty(0).Max();
            Assert.IsGreaterThanOrEqualTo(newest, long.Parse(batch.NewCursor!, System.Globalization.CultureInfo.InvariantCulture), "the cursor never runs ahead of its page");
            previous = batch.NewCursor;
        }

        Assert.HasCount(6, harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_StoreFails_StopsWithTheCursorUnmovedAndTheNextRunStoresEverything()
    {
        var harness = Harness();
        for (var i = 0; i < 4; i++)
        {
            _server.Add(Time(i), FakeJetstreamServer.Post(Time(i), Did, $"rk{i}", $"acme air complaint {i}"));
        }

        harness.Store.FailOnCall = 0;

        var consumer = harness.Get<JetstreamConsumer>();
        using var timeout = new CancellationTokenSource(Patience);
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => consumer.RunAsync(timeout.Token));

        Assert.IsNull(await Cursor(harness));
        Assert.IsEmpty(harness.Store.Mentions);

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(3));

        Assert.HasCount(4, harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_MalformedEvents_AreCountedAndSkipped()
    {
        var harness = Harness();
        _server.Add(Time(0), "this is not json");
        _server.Add(Time(1), "{\"did\":\"javascript:alert(1)\",\"time_us\":" + Us(1) + ",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"x\",\"record\":{\"text\":\"acme air\"}}}");
        _server.Add(Time(2), "{\"did\":\"" + Did + "\",\"time_us\":" + Us(2) + ",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k\",\"record\":{\"text\":{\"nested\":\"acme air\"}}}}");
        _server.Add(Time(3), FakeJetstreamServer.Post(Time(3), Did, "fine", "acme air, still here"));

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(3));

        Assert.AreEqual($"at://{Did}/app.bsky.feed.post/fine", harness.Store.Mentions.Single().Mention.ExternalId);
        Assert.AreEqual(3, harness.Get<JetstreamStats>().Malformed);
    }

    [TestMethod]
    public async Task Run_FirstInstanceDown_FailsOverToTheNext()
    {
        await using var down = new FakeJetstreamServer { Refuse = true };
        var harness = Harness(down.Url, _server.Url);
        _server.Add(Time(0), FakeJetstreamServer.Post(Time(0), Did, "rk0", "acme air complaint"));

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(0));

        Assert.IsNotEmpty(down.Requests);
        Assert.HasCount(1, harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_PostNamingTwoBrands_IsStoredForEach_AndTheBrandsFiltersApply()
    {
        var harness = Harness(extra: new Dictionary<string, string?>
        {
            ["Brands:1:Name"] = "Globex",
            ["Brands:1:Keywords:0"] = "globex",
        });
        _server.Add(Time(0), FakeJetstreamServer.Post(Time(0), Did, "both", "globex and acme air both lost my bag"));
        _server.Add(Time(1), FakeJetstreamServer.Post(Time(1), Did, "anvil", "my acme anvil from acme air broke"));

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(1));

        var mentions = harness.Store.Mentions.Select(m => m.Mention).OrderBy(m => m.Brand, StringComparer.Ordinal).ToList();
        Assert.AreEqual("Acme Air,Globex", string.Join(",", mentions.Select(m => m.Brand)), "one mention per brand the post names");
        Assert.IsTrue(mentions.All(m => m.ExternalId == $"at://{Did}/app.bsky.feed.post/both"), "the excluded term drops the other post");
        Assert.IsTrue(mentions.All(m => m.Url == "https://bsky.app/profile/did:plc:eygmaihciaxprqvxpfvl6flk/post/both"));
    }

    [TestMethod]
    public async Task Run_StoresTheAuthorsHandleAndReach_ReadOncePerAuthor()
    {
        var harness = Harness();
        for (var i = 0; i < 3; i++)
        {
            _server.Add(Time(i), FakeJetstreamServer.Post(Time(i), Did, $"rk{i}", $"acme air complaint {i}"));
        }

        _server.DropNextConnectionAfter(1);

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(2));

        Assert.IsTrue(harness.Store.Mentions.All(m => m.Mention.Author == new Core.Mentions.MentionAuthor(Did, "marta.bsky.social", "Marta", 1234, false)));
        var lookups = _appView.LogEntries.Where(e => e.RequestMessage.Path == "/xrpc/app.bsky.actor.getProfiles").ToList();
        Assert.HasCount(1, lookups, "the second page's author came from the cache");
        Assert.AreEqual(Did, lookups[0].RequestMessage.Query!["actors"].Single());
    }

    [TestMethod]
    public async Task Run_ProfilesUnavailable_StoresThePostsWithoutReach()
    {
        _appView.Reset();
        _appView.Given(Request.Create().WithPath("/xrpc/app.bsky.actor.getProfiles").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(502).WithBody("bad gateway"));
        var harness = Harness();
        _server.Add(Time(0), FakeJetstreamServer.Post(Time(0), Did, "rk0", "acme air complaint"));
        _server.Add(Time(1), FakeJetstreamServer.Post(Time(1), "did:plc:someoneelse2k4cqq3bsnhz5", "rk1", "acme air again"));
        _server.DropNextConnectionAfter(1);

        await RunUntilAsync(harness, async () => await Cursor(harness) == Us(1));

        Assert.HasCount(2, harness.Store.Mentions);
        Assert.IsTrue(harness.Store.Mentions.All(m => m.Mention.Author.Handle == m.Mention.Author.Id && m.Mention.Author.Followers == 0));
        Assert.HasCount(1, _appView.LogEntries, "after a failure the AppView is left alone for a while");
    }

    [TestMethod]
    public async Task Run_MatchedPostsAreStoredAtOnce_WhileACursorAloneWaitsForItsInterval()
    {
        var harness = Harness(extra: new Dictionary<string, string?> { ["Sources:Bluesky:CursorCommitInterval"] = "00:10:00" });
        _server.Add(Time(0), FakeJetstreamServer.Post(Time(0), Did, "rk0", "acme air complaint"));
        _server.Add(Time(1), FakeJetstreamServer.Post(Time(1), Did, "rk1", "nothing to see"));
        _server.Add(Time(2), FakeJetstreamServer.Post(Time(2), Did, "rk2", "nothing to see either"));
        var stored = Stopwatch.StartNew();

        await RunUntilAsync(harness, async () =>
        {
            if (harness.Store.Mentions.Count == 0)
            {
                stored.Restart();
                return false;
            }

            // Then give the events without a match time to make a page of their own, which they must not.
            return stored.Elapsed > TimeSpan.FromMilliseconds(500);
        });

        Assert.HasCount(1, harness.Store.Mentions);
        Assert.HasCount(1, harness.Store.Batches, "the cursor alone waits for its own interval");
    }

    private static long Time(int i) => T0 + (i * Second);

    private static string Us(int i) => Time(i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string?> Cursor(IngestHarness harness) => harness.Store.GetCursorAsync(JetstreamConsumer.QueryKey, CancellationToken.None);

    private IngestHarness Harness(Uri? first = null, Uri? second = null, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Bluesky:Enabled"] = "true",
            ["Sources:Bluesky:JetstreamUrls:0"] = (first ?? _server.Url).ToString(),
            ["Sources:Bluesky:FlushInterval"] = "00:00:00.050",
            ["Sources:Bluesky:CursorCommitInterval"] = "00:00:00.100",
            ["Sources:Bluesky:ReconnectBaseDelay"] = "00:00:00.010",
            ["Sources:Bluesky:ReconnectMaxDelay"] = "00:00:00.100",
            ["Sources:Bluesky:StallTimeout"] = "00:00:05",
            ["Sources:Bluesky:BaseUrl"] = _appView.Url,
            ["Sources:Bluesky:MaxRetries"] = "0",
        };
        if (second is not null)
        {
            settings["Sources:Bluesky:JetstreamUrls:1"] = second.ToString();
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return _harness = new IngestHarness(settings);
    }

    /// <summary>Runs a consumer until the condition holds (or the patience runs out), then stops it as a host shutdown would.</summary>
    internal static async Task RunUntilAsync(IngestHarness harness, Func<Task<bool>> condition)
    {
        var consumer = harness.Get<JetstreamConsumer>();
        using var stop = new CancellationTokenSource();
        var running = consumer.RunAsync(stop.Token);
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            if (running.IsCompleted)
            {
                await running;
                Assert.Fail("The consumer stopped by itself.");
            }

            Assert.IsLessThan(deadline, DateTimeOffset.UtcNow, "The condition did not hold in time.");
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => running);
    }
}
