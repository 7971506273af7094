using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Jobs;

[TestClass]
public sealed class IngestSchedulerTests : IDisposable
{
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
    public void ScheduleAll_AddsOneRecurringJobPerWatchQuery_AtTheSourcesInterval()
    {
        var ids = _harness.Get<IngestScheduler>().ScheduleAll();

        var jobs = RecurringJobs();
        Assert.AreEqual("ingest:Acme Air:demo:samples,ingest:Acme Air:mastodon:#acmeair", string.Join(",", ids.Order(StringComparer.Ordinal)));
        Assert.AreEqual("*/30 * * * * *", jobs["ingest:Acme Air:demo:samples"].Cron);
        Assert.AreEqual("*/5 * * * *", jobs["ingest:Acme Air:mastodon:#acmeair"].Cron);
        Assert.AreEqual("RunAsync", jobs["ingest:Acme Air:demo:samples"].Job.Method.Name);
        Assert.AreEqual("Acme Air:demo:samples", jobs["ingest:Acme Air:demo:samples"].Job.Args[0]);
        Assert.IsTrue(jobs.ContainsKey(IngestScheduler.EngagementRefreshJobId));
    }

    [TestMethod]
    public void ScheduleAll_RemovesIngestJobsWhoseQueryIsGone_AndLeavesOtherJobsAlone()
    {
        var manager = _harness.Get<IRecurringJobManager>();
        manager.AddOrUpdate<IngestJob>("ingest:Old Brand:x:search", j => j.RunAsync("Old Brand:x:search", CancellationToken.None), Cron.Hourly());
        manager.AddOrUpdate<IngestJob>("digest:weekly", j => j.RunAsync("unrelated", CancellationToken.None), Cron.Weekly());

        _harness.Get<IngestScheduler>().ScheduleAll();

        var jobs = RecurringJobs();
        Assert.IsFalse(jobs.ContainsKey("ingest:Old Brand:x:search"));
        Assert.IsTrue(jobs.ContainsKey("digest:weekly"));
    }

    [TestMethod]
    public void IngestJob_HoldsADistributedLockPerQueryKey_WhileItRuns()
    {
        var attribute = typeof(IngestJob).GetMethod(nameof(IngestJob.RunAsync))!
            .GetCustomAttributes(typeof(DisableConcurrentExecutionAttribute), inherit: false)
            .Cast<DisableConcurrentExecutionAttribute>()
            .Single();
        var storage = _harness.JobStorage;
        using var workerConnection = storage.GetConnection();
        var job = Job.FromExpression<IngestJob>(j => j.RunAsync("Acme Air:x:search", CancellationToken.None));
        var performing = new PerformingContext(new PerformContext(storage, workerConnection, new BackgroundJob("1", job, DateTime.UtcNow), new JobCancellationToken(false)));

        attribute.OnPerforming(performing);
        using var otherHost = storage.GetConnection();

        Assert.ThrowsExactly<DistributedLockTimeoutException>(() => otherHost.AcquireDistributedLock("ingest:acme air:x:search", TimeSpan.Zero));
        using (otherHost.AcquireDistributedLock("ingest:acme air:reddit:search", TimeSpan.Zero))
        {
            // Another query of the same brand is not blocked.
        }

        ((IDisposable)performing.Items["DistributedLock"]).Dispose();
    }

    private Dictionary<string, RecurringJobDto> RecurringJobs()
    {
        using var connection = _harness.JobStorage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }
}
