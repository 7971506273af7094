using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Digests;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class DigestSchedulerTests
{
    private readonly RecordingRecurringJobManager _jobs = new();
    private readonly InMemorySubscriptions _subscriptions = new();

    [TestMethod]
    public void Schedule_RegistersOneRecurringJobWithCronAndTimeZone()
    {
        var subscription = Daily("America/New_York", new TimeOnly(7, 30)) with { Id = 42 };

        Scheduler().Schedule(subscription);

        var (job, cron, options) = _jobs.Jobs[DigestScheduler.JobId(42)];
        Assert.AreEqual("30 7 * * *", cron);
        Assert.AreEqual("America/New_York", options.TimeZone.Id);
        Assert.AreEqual(Hangfire.MisfireHandlingMode.Relaxed, options.MisfireHandling);
        Assert.AreEqual(typeof(DigestJob), job.Type);
        Assert.AreEqual(nameof(DigestJob.RunAsync), job.Method.Name);
        Assert.AreEqual(42L, job.Args[0]);
    }

    [TestMethod]
    public void Schedule_Twice_KeepsOneJobWithTheNewCron()
    {
        var subscription = Daily("UTC", new TimeOnly(7, 30)) with { Id = 5 };

        Scheduler().Schedule(subscription);
        Scheduler().Schedule(subscription with { Cadence = DigestCadence.Custom, Cron = "0 18 * * 5" });

        Assert.HasCount(1, _jobs.Jobs);
        Assert.AreEqual("0 18 * * 5", _jobs.Jobs[DigestScheduler.JobId(5)].Cron);
    }

    [TestMethod]
    public void Schedule_DisabledSubscription_RemovesItsJob()
    {
        var subscription = Daily("UTC", new TimeOnly(7, 30)) with { Id = 7 };
        Scheduler().Schedule(subscription);

        Scheduler().Schedule(subscription with { Enabled = false });

        Assert.IsEmpty(_jobs.Jobs);
    }

    [TestMethod]
    public async Task ScheduleAll_RegistersEveryEnabledSubscription()
    {
        _subscriptions.Items.Add(Daily("UTC", new TimeOnly(8, 0)) with { Id = 1 });
        _subscriptions.Items.Add(Daily("UTC", new TimeOnly(8, 0)) with { Id = 2, Enabled = false });
        _subscriptions.Items.Add(Daily("Europe/London", new TimeOnly(9, 0)) with { Id = 3 });
        _jobs.Jobs[DigestScheduler.JobId(2)] = default;

        var scheduled = await Scheduler().ScheduleAllAsync(CancellationToken.None);

        Assert.AreEqual(2, scheduled);
        Assert.AreEqual("digest:1 digest:3", string.Join(" ", _jobs.Jobs.Keys.Order(StringComparer.Ordinal)));
    }

    private DigestScheduler Scheduler() => new(_jobs, _subscriptions, NullLogger<DigestScheduler>.Instance);
}

/// <summary>Subscriptions in a list, for tests that are not about storage.</summary>
internal sealed class InMemorySubscriptions : IDigestSubscriptionStore
{
    public List<DigestSubscription> Items { get; } = [];

    public Task<DigestSubscription> CreateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var created = subscription with { Id = Items.Count == 0 ? 1 : Items.Max(s => s.Id) + 1 };
        Items.Add(created);
        return Task.FromResult(created);
    }

    public Task<DigestSubscription?> GetAsync(long id, CancellationToken cancellationToken) => Task.FromResult(Items.FirstOrDefault(s => s.Id == id));

    public Task<IReadOnlyList<DigestSubscription>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DigestSubscription>>([.. Items]);

    public Task<bool> UpdateAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var index = Items.FindIndex(s => s.Id == subscription.Id);
        if (index >= 0)
        {
            Items[index] = subscription;
        }

        return Task.FromResult(index >= 0);
    }

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) => Task.FromResult(Items.RemoveAll(s => s.Id == id) > 0);
}
