using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class OperatorAlertRaiserTests
{
    private readonly InMemoryAlertStore _alerts = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    private OperatorAlertRaiser CreateRaiser() =>
        new(_alerts, _notifier, Options.Create(new RoutingOptions { DefaultTeam = "ops" }), _time);

    [TestMethod]
    public async Task Raise_CreatesUrgentOperatorAlertInDefaultTeam_AndPublishesIt()
    {
        var raiser = CreateRaiser();

        await raiser.RaiseAsync("x", "UsageCapExceeded until 2026-12-01", CancellationToken.None);

        var alert = _alerts.All.Single();
        Assert.AreEqual(AlertKind.Operator, alert.Kind);
        Assert.AreEqual("ops", alert.Team);
        Assert.AreEqual(AlertPriority.Urgent, alert.Priority);
        StringAssert.Contains(alert.Title, "UsageCapExceeded");
        Assert.AreEqual(_time.GetUtcNow(), alert.CreatedAt);
        Assert.HasCount(1, _notifier.Events);
    }

    [TestMethod]
    public async Task Raise_SameProblemTwiceWhileOpen_KeepsOneAlert()
    {
        var raiser = CreateRaiser();

        await raiser.RaiseAsync("reddit", "credentials refused", CancellationToken.None);
        await raiser.RaiseAsync("reddit", "credentials refused", CancellationToken.None);
        await raiser.RaiseAsync("x", "credentials refused", CancellationToken.None);

        Assert.HasCount(2, _alerts.All);
    }
}
