using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Digests;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class ListDigestSubscriptionsTests
{
    private readonly InMemorySubscriptions _store = new();
    private readonly FakeTimeProvider _time = new(Utc(2026, 6, 10, 12, 0));

    [TestMethod]
    public async Task Handle_ShowsTheNextSendTimeInUtc()
    {
        _store.Items.Add(Daily("Europe/London", new TimeOnly(8, 0)) with { Cadence = DigestCadence.Weekly, WeeklyOn = DayOfWeek.Monday });

        var views = await new ListDigestSubscriptions(_store, _time).HandleAsync(CancellationToken.None);

        Assert.AreEqual(Utc(2026, 6, 15, 7, 0), views.Single().NextSendAt, "Monday 15 June 08:00 BST.");
        Assert.IsNull(views.Single().Problem);
    }

    [TestMethod]
    public async Task Handle_SubscriptionThatCannotBeScheduled_ShowsTheProblemInsteadOfFailing()
    {
        _store.Items.Add(Daily("Gone/Zone", new TimeOnly(8, 0)));
        _store.Items.Add(Daily("UTC", new TimeOnly(8, 0)) with { Id = 2, Enabled = false });

        var views = await new ListDigestSubscriptions(_store, _time).HandleAsync(CancellationToken.None);

        Assert.Contains("Gone/Zone", views[0].Problem!);
        Assert.IsNull(views[0].NextSendAt);
        Assert.IsNull(views[1].NextSendAt, "A disabled subscription is not sent.");
    }
}
