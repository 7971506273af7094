using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Jobs;

[TestClass]
public sealed class IngestSchedulerTests : IDisposable
{
    private static readonly string[] FirstPoll = ["demo-0", "demo-1", "demo-2"];

    private readonly IngestHarness _harness = new(new Dictionary<string, string?>
    {
        ["Sources:Demo:Enabled"] = "true",
        ["Sources:Demo:PollInterval"] = "00:00:30",
        ["Sources:Mastodon:Enabled"] = "true",
        ["Sources:Mastodon:BaseUrl"] = "http://127.0.0.1:9/",
        ["Sources:Mastodon:PollInterval"] = "00:05:00",
    });

    public void Dispose() => _harness.Dispose();

    [TestMethod]
    public async Task ScheduleAll_AddsOneRecurringJobPerWatchQuery_AtTheSourcesInterval()
    {
        var ids = await _harness.Get<IngestScheduler>().ScheduleAllAsync(CancellationToken.None);

        var jobs = RecurringJobs();
        Assert.AreEqual("ingest:Acme Air:demo:samples,ingest:Acme Air:mastodon:#acmeair", string.Join(",", ids.Order(StringComparer.Ordinal)));
        Assert.AreEqual("*/30 * * * * *", jobs["ingest:Acme Air:demo:samples"].Cron);
        Assert.AreEqual("*/5 * * * *", jobs["ingest:Acme Air:mastodon:#acmeair"].Cron);
        Assert.AreEqual("RunAsync", jobs["ingest:Acme Air:demo:samples"].Job.Method.Name);
        Assert.AreEqual("Acme Air:demo:samples", jobs["ingest:Acme Air:demo:samples"].Job.Args[0]);
        Assert.IsTrue(jobs.ContainsKey(IngestScheduler.EngagementRefreshJobId));
    }

    [TestMethod]
    public async Task ScheduleAll_RemovesIngestJobsWhoseQueryIsGone_AndLeavesOtherJobsAlone()
    {
        var manager = _harness.Get<IRecurringJobManager>();
        manager.AddOrUpdate<IngestJob>("ingest:Old Brand:x:search", j => j.RunAsync("Old Brand:x:search", CancellationToken.None), Cron.Hourly());
        manager.AddOrUpdate<IngestJob>("digest:weekly", j => j.RunAsync("unrelated", CancellationToken.None), Cron.Weekly());

        await _harness.Get<IngestScheduler>().ScheduleAllAsync(CancellationToken.None);

        var jobs = RecurringJobs();
        Assert.IsFalse(jobs.ContainsKey("ingest:Old Brand:x:search"));
        Assert.IsTrue(jobs.ContainsKey("digest:weekly"));
    }

    [TestMethod]
    public async Task ScheduleAll_AfterABrandIsAddedThenRemoved_StartsThenStopsItsPolls()
    {
        _harness.Brands.Add(new SocialWatch.Core.Brands.Brand { Name = "Globex", Keywords = ["Globex Corp"] });

        var added = await _harness.Get<IngestScheduler>().ScheduleAllAsync(CancellationToken.None);
        var afterAdd = RecurringJobs();
        _harness.Brands.Remove("Globex");
        await _harness.Get<IngestScheduler>().ScheduleAllAsync(CancellationToken.None);
        var afterRemove = RecurringJobs();

        CollectionAssert.Contains(added.ToList(), "ingest:Globex:mastodon:#globexcorp");
        Assert.IsTrue(afterAdd.ContainsKey("ingest:Globex:mastodon:#globexcorp"));
        Assert.IsFalse(afterRemove.ContainsKey("ingest:Globex:mastodon:#globexcorp"));
        Assert.IsTrue(afterRemove.ContainsKey("ingest:Acme Air:mastodon:#acmeair"));
    }

    [TestMethod]
    public void IngestJob_HoldsADistributedLockPerQueryKey_WhileItRuns()
    {
        var gate = _harness.Get<IQueryRunGate>();
        var storage = _harness.JobStorage;

        using var held = gate.TryEnter("Acme Air:x:search");
        using var otherHost = storage.GetConnection();

        Assert.IsInstanceOfType<HangfireQueryRunGate>(gate, "with Hangfire storage the gate is a distributed lock");
        Assert.ThrowsExactly<DistributedLockTimeoutException>(() => otherHost.AcquireDistributedLock("ingest:acme air:x:search", TimeSpan.Zero));
        using (otherHost.AcquireDistributedLock("ingest:acme air:reddit:search", TimeSpan.Zero))
        {
            // Another query of the same brand is not blocked.
        }
    }

    [TestMethod]
    public async Task ScheduledJob_RunByAHangfireServer_StoresTheQuerysMentions()
    {
        await _harness.Get<IngestScheduler>().ScheduleAllAsync(CancellationToken.None);
        var options = new BackgroundJobServerOptions
        {
            WorkerCount = 1,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(100),
            Activator = new ScopedActivator(_harness.Provider),
        };
        using var server = new BackgroundJobServer(options, _harness.JobStorage);

        _harness.Get<IRecurringJobManager>().Trigger("ingest:Acme Air:demo:samples");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_harness.Store.Mentions.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // The recurring schedule may fire once more during the test; the triggered run stored the first poll's mentions.
        var ids = _harness.Store.Mentions.Select(m => m.Mention.ExternalId).ToList();
        CollectionAssert.IsSubsetOf(FirstPoll, ids);
        Assert.IsTrue(_harness.Store.Mentions.All(m => m.Mention.Source == "demo"));
    }

    /// <summary>Resolves job classes from the container in a scope per job, as Hangfire.AspNetCore does in the host.</summary>
    private sealed class ScopedActivator(IServiceProvider services) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => scope.ServiceProvider.GetRequiredService(type);

            public override void DisposeScope() => scope.Dispose();
        }
    }

    private Dictionary<string, RecurringJobDto> RecurringJobs()
    {
        using var connection = _harness.JobStorage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }
}
