using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Pipeline;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Jobs;

/// <summary>
/// Mentions whose page was committed but whose routing failed (a database outage after the commit, a crash) are
/// routed later by the recovery job, once their hand-over is older than the recovery delay.
/// </summary>
[TestClass]
public sealed class HandOverRecoveryJobTests : IDisposable
{
    private readonly IngestHarness _harness = new(new Dictionary<string, string?>());
    private readonly Brand _brand = new() { Name = IngestHarness.Brand };

    public void Dispose() => _harness.Dispose();

    [TestMethod]
    public async Task Run_RoutesWhatAFailedRunLeft_OnceItIsOldEnough_AndClearsIt()
    {
        _harness.StoredHandler.FailNextCalls = 1;
        _harness.Store.StoredAt = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => StoreAsync("c1", null, "1", "2"));

        var early = await RecoverAsync();

        Assert.AreEqual(0, early, "a hand-over younger than the delay may still be in its own run's hands");
        Assert.HasCount(1, _harness.Store.PendingHandOvers);
        Assert.IsEmpty(_harness.StoredHandler.Received);

        _harness.Store.StoredAt = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(3);
        _harness.StoredHandler.FailNextCalls = 1;
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => StoreAsync("c2", "c1", "3"));
        var pendingBefore = _harness.Store.PendingHandOvers.Count;
        var recovered = await RecoverAsync();

        Assert.AreEqual(2, pendingBefore);
        Assert.AreEqual(1, recovered);
        Assert.AreEqual("3", string.Join(",", _harness.StoredHandler.Received.Select(m => m.Mention.ExternalId)));
        Assert.HasCount(1, _harness.Store.PendingHandOvers, "the younger one waits for the next run");
        Assert.IsTrue(_harness.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("Handed over 1 mention", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Run_OneHandOverThatKeepsFailing_DoesNotHoldBackTheOthers_AndTheRunFails()
    {
        _harness.Store.StoredAt = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5);
        _harness.StoredHandler.FailNextCalls = 2;
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => StoreAsync("c1", null, "poison", "1"));
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => StoreAsync("c2", "c1", "2"));
        _harness.StoredHandler.FailFor = "poison";

        var failure = await Assert.ThrowsExactlyAsync<AggregateException>(RecoverAsync);

        Assert.Contains("1 of 2", failure.Message);
        Assert.AreEqual("2", string.Join(",", _harness.StoredHandler.Received.Select(m => m.Mention.ExternalId)));
        var left = _harness.Store.PendingHandOvers.Single();
        Assert.AreEqual(_harness.Store.Mentions.Single(m => m.Mention.ExternalId == "poison").Id, left.MentionIds[0], "the failing page stays pending");
        Assert.AreEqual(1, left.Attempts, "counted, so that it is read after hand-overs tried less");
        Assert.IsTrue(_harness.Logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains($"hand-over {left.Id}", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Run_WithNothingPending_DoesNothing()
    {
        await StoreAsync("c1", null, "1");

        Assert.AreEqual(0, await RecoverAsync());
        Assert.HasCount(1, _harness.StoredHandler.Received, "routed once, by the run itself");
    }

    private async Task StoreAsync(string cursor, string? expected, params string[] ids)
    {
        var mentions = ids.Select(id => new Mention
        {
            Source = "x",
            ExternalId = id,
            Brand = IngestHarness.Brand,
            Text = "my bag is lost " + id,
            Author = MentionAuthor.Unknown,
            CreatedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        await _harness.Get<MentionPipeline>().ProcessAsync(new PipelineBatch("q", _brand, mentions, cursor, expected), CancellationToken.None);
    }

    private async Task<int> RecoverAsync()
    {
        using var scope = _harness.Provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HandOverRecoveryJob>().RunAsync(CancellationToken.None);
    }
}
