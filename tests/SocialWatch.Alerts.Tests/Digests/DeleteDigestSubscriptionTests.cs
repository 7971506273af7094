using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Digests;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class DeleteDigestSubscriptionTests
{
    private readonly InMemorySubscriptions _store = new();
    private readonly RecordingRecurringJobManager _jobs = new();
    private readonly FakeTimeProvider _time = new(Utc(2026, 6, 10, 12, 0));

    [TestMethod]
    public async Task Handle_RemovesTheSubscriptionAndItsJob()
    {
        var created = await new CreateDigestSubscription(_store, Scheduler(), _time).HandleAsync(CreateDigestSubscriptionTests.Request(), CancellationToken.None);

        var deleted = await new DeleteDigestSubscription(_store, Scheduler()).HandleAsync(created.Id, CancellationToken.None);
        var deletedAgain = await new DeleteDigestSubscription(_store, Scheduler()).HandleAsync(created.Id, CancellationToken.None);

        Assert.IsTrue(deleted);
        Assert.IsFalse(deletedAgain);
        Assert.IsEmpty(_jobs.Jobs);
        Assert.IsEmpty(_store.Items);
    }

    private DigestScheduler Scheduler() => new(_jobs, _store, NullLogger<DigestScheduler>.Instance);
}
