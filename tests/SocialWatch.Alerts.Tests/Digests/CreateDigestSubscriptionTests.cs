using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Digests;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class CreateDigestSubscriptionTests
{
    private readonly InMemorySubscriptions _store = new();
    private readonly RecordingRecurringJobManager _jobs = new();
    private readonly FakeTimeProvider _time = new(Utc(2026, 6, 10, 12, 0));

    [TestMethod]
    public async Task Handle_ValidRequest_StoresAndSchedulesIt()
    {
        var created = await UseCase().HandleAsync(Request(), CancellationToken.None);

        Assert.AreEqual(1, created.Id);
        Assert.AreEqual("Care leads", created.Name);
        Assert.AreEqual("lead@example.com", created.Recipients.Single());
        Assert.AreEqual(Utc(2026, 6, 10, 12, 0), created.CreatedAt);
        Assert.AreEqual("0 8 * * 1", _jobs.Jobs[DigestScheduler.JobId(1)].Cron);
    }

    [TestMethod]
    public async Task Handle_InvalidRequest_ReportsEveryBadFieldAndStoresNothing()
    {
        var request = Request() with { Name = " ", Recipients = ["lead@example.com", "not-an-address"], TimeZone = "Nowhere/City" };

        var error = await Assert.ThrowsExactlyAsync<DigestValidationException>(() => UseCase().HandleAsync(request, CancellationToken.None));

        Assert.AreEqual("name, recipients, timeZone", string.Join(", ", error.Errors.Keys.Order(StringComparer.Ordinal)));
        Assert.IsEmpty(_store.Items);
        Assert.IsEmpty(_jobs.Jobs);
    }

    [TestMethod]
    public async Task Handle_UnknownTimeZone_IsRejected()
    {
        var error = await Assert.ThrowsExactlyAsync<DigestValidationException>(() => UseCase().HandleAsync(Request() with { TimeZone = "Nowhere/City" }, CancellationToken.None));

        Assert.IsTrue(error.Errors.ContainsKey("timeZone"));
    }

    [TestMethod]
    public async Task Handle_RecipientWithDisplayNameOrHeaderInjection_IsRejected()
    {
        var error = await Assert.ThrowsExactlyAsync<DigestValidationException>(
            () => UseCase().HandleAsync(Request() with { Recipients = ["Lead <lead@example.com>\r\nBcc: x@example.com"] }, CancellationToken.None));

        Assert.IsTrue(error.Errors.ContainsKey("recipients"));
    }

    private CreateDigestSubscription UseCase() =>
        new(_store, new DigestScheduler(_jobs, _store, NullLogger<DigestScheduler>.Instance), _time);

    internal static DigestSubscriptionRequest Request() => new()
    {
        Name = "Care leads",
        Recipients = ["lead@example.com"],
        Brands = ["acme"],
        Cadence = DigestCadence.Weekly,
        WeeklyOn = DayOfWeek.Monday,
        SendAt = new TimeOnly(8, 0),
        TimeZone = "UTC",
    };
}
