using System.Diagnostics;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Sources.Bluesky;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class BlueskyStreamWorkerTests : IAsyncDisposable
{
    private const long T0 = 1_733_000_000_000_000;
    private const long Second = 1_000_000;
    private const string Did = "did:plc:eygmaihciaxprqvxpfvl6flk";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(1);

    private readonly FakeJetstreamServer _server = new();
    private readonly InMemoryStorage _jobStorage = new();
    private readonly InMemoryMentionStore _store = new();
    private readonly List<IngestHarness> _hosts = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _jobStorage.Dispose();
        await _server.DisposeAsync();
    }

    [TestMethod]
    public async Task TwoHosts_OneConsumes_AndTheOtherTakesOverWhenItDies()
    {
        AddPosts(0, 5);
        var first = Worker(Host(), lettingGo: false);
        var second = Worker(Host(), lettingGo: true);

        await first.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => first.IsConsuming);
        await second.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _store.Mentions.Count == 5);
        await Task.Delay(LeaseDuration * 2);

        Assert.IsTrue(first.IsConsuming);
        Assert.IsFalse(second.IsConsuming, "one consumer across the cluster");

        // The first host dies: it stops renewing and never lets go, so the second waits out the lease.
        await first.StopAsync(CancellationToken.None);
        var died = Stopwatch.StartNew();
        // The fake replays on connect, so these reach only the consumer that connects next: the second host's.
        AddPosts(5, 5);
        await WaitUntilAsync(() => second.IsConsuming);
        var takeOver = died.Elapsed;
        await WaitUntilAsync(() => _store.Mentions.Count == 10);
        await second.StopAsync(CancellationToken.None);

        Assert.IsLessThan(LeaseDuration + TimeSpan.FromSeconds(2), takeOver, "taken over once the lease expired");
        Assert.HasCount(10, _store.Mentions.Select(m => m.Mention.ExternalId).Distinct(), "nothing lost or stored twice across the take-over");
        Assert.AreEqual((T0 + (9 * Second)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await _store.GetCursorAsync(JetstreamConsumer.QueryKey, CancellationToken.None));
        first.Dispose();
        second.Dispose();
    }

    [TestMethod]
    public async Task Stop_LetsGoOfTheLease_SoAnotherHostTakesOverAtOnce()
    {
        var host = Host();
        var worker = Worker(host, lettingGo: true);
        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => worker.IsConsuming);

        await worker.StopAsync(CancellationToken.None);

        Assert.IsTrue(host.Get<IStreamLease>().TryHold(BlueskyStreamWorker.LeaseName, "another host", LeaseDuration));
        worker.Dispose();
    }

    [TestMethod]
    public void HangfireLease_IsHeldByOneOwnerUntilItExpires()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(55));
        var lease = new HangfireStreamLease(_jobStorage, time);

        Assert.IsTrue(lease.TryHold("stream", "a", TimeSpan.FromSeconds(30)));
        Assert.IsFalse(lease.TryHold("stream", "b", TimeSpan.FromSeconds(30)));
        Assert.IsTrue(lease.TryHold("stream", "a", TimeSpan.FromSeconds(30)), "the holder renews");
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.IsTrue(lease.TryHold("stream", "b", TimeSpan.FromSeconds(30)), "an expired lease is taken over");
        Assert.IsFalse(lease.TryHold("stream", "a", TimeSpan.FromSeconds(30)));
        lease.Release("stream", "a");
        Assert.IsFalse(lease.TryHold("stream", "a", TimeSpan.FromSeconds(30)), "only the holder can let go");
        lease.Release("stream", "b");
        Assert.IsTrue(lease.TryHold("stream", "a", TimeSpan.FromSeconds(30)));
    }

    private void AddPosts(int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            var at = T0 + (i * Second);
            _server.Add(at, FakeJetstreamServer.Post(at, Did, $"rk{i}", $"acme air complaint {i}"));
        }
    }

    private IngestHarness Host()
    {
        var host = new IngestHarness(new Dictionary<string, string?>
        {
            ["Sources:Bluesky:Enabled"] = "true",
            ["Sources:Bluesky:JetstreamUrls:0"] = _server.Url.ToString(),
            ["Sources:Bluesky:FlushInterval"] = "00:00:00.050",
            ["Sources:Bluesky:CursorCommitInterval"] = "00:00:00.100",
            ["Sources:Bluesky:ReconnectBaseDelay"] = "00:00:00.010",
            ["Sources:Bluesky:ReconnectMaxDelay"] = "00:00:00.100",
            ["Sources:Bluesky:StallTimeout"] = "00:00:00.300",
            ["Sources:Bluesky:LeaseDuration"] = "00:00:01",
            ["Sources:Bluesky:LeaseRetryInterval"] = "00:00:00.100",

            // No AppView here: the look-up fails at once and the posts are stored without reach.
            ["Sources:Bluesky:BaseUrl"] = "http://127.0.0.1:9/",
            ["Sources:Bluesky:MaxRetries"] = "0",
        }, store: _store, jobStorage: _jobStorage);
        _hosts.Add(host);
        return host;
    }

    private static BlueskyStreamWorker Worker(IngestHarness host, bool lettingGo)
    {
        var lease = host.Get<IStreamLease>();
        return new BlueskyStreamWorker(
            host.Get<IServiceScopeFactory>(),
            lettingGo ? lease : new NeverLettingGo(lease),
            host.Get<IOptions<BlueskyOptions>>(),
            TimeProvider.System,
            host.Get<ILogger<BlueskyStreamWorker>>());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(15), deadline.Elapsed, "The condition did not hold in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>A host that dies never lets go of its lease: only expiry frees it.</summary>
    private sealed class NeverLettingGo(IStreamLease inner) : IStreamLease
    {
        public bool TryHold(string name, string owner, TimeSpan duration) => inner.TryHold(name, owner, duration);

        public void Release(string name, string owner)
        {
        }
    }
}
