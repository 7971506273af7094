using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Digests;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class UpdateDigestSubscriptionTests
{
    private readonly InMemorySubscriptions _store = new();
    private readonly RecordingRecurringJobManager _jobs = new();
    private readonly FakeTimeProvider _time = new(Utc(2026, 6, 10, 12, 0));

    [TestMethod]
    public async Task Handle_ChangesTheCronOfTheExistingJob_AndKeepsTheCreationTime()
    {
        var created = await new CreateDigestSubscription(_store, Scheduler(), _time).HandleAsync(CreateDigestSubscriptionTests.Request(), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        var updated = await new UpdateDigestSubscription(_store, Scheduler(), _time).HandleAsync(
            created.Id, CreateDigestSubscriptionTests.Request() with { Cadence = DigestCadence.Daily, SendAt = new TimeOnly(6, 15) }, CancellationToken.None);

        Assert.AreEqual(created.CreatedAt, updated!.CreatedAt);
        Assert.AreEqual(Utc(2026, 6, 10, 13, 0), updated.UpdatedAt);
        Assert.AreEqual("15 6 * * *", _jobs.Jobs[DigestScheduler.JobId(created.Id)].Cron);
        Assert.HasCount(1, _jobs.Jobs);
    }

    [TestMethod]
    public async Task Handle_UnknownSubscription_ReturnsNullAndSchedulesNothing()
    {
        var missing = await new UpdateDigestSubscription(_store, Scheduler(), _time).HandleAsync(99, CreateDigestSubscriptionTests.Request(), CancellationToken.None);

        Assert.IsNull(missing);
        Assert.IsEmpty(_jobs.Jobs);
    }

    private DigestScheduler Scheduler() => new(_jobs, _store, NullLogger<DigestScheduler>.Instance);
}
