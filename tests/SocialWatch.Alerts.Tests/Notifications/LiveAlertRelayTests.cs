using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class LiveAlertRelayTests
{
    private readonly LiveAlertRelay _relay = new(new AlertEventStream(Options.Create(new NotificationOptions()), NullLogger<AlertEventStream>.Instance));

    [TestMethod]
    public void TryRelay_SameVersionFromBothWays_PassesOnce_WhicheverComesFirst()
    {
        var local = Event(AlertEventKind.Changed, id: 7, version: 3);
        var tailed = Event(AlertEventKind.Changed, id: 7, version: 3) with { Actor = "ana" };

        Assert.IsTrue(_relay.TryRelay(tailed));
        Assert.IsFalse(_relay.TryRelay(local));
        Assert.IsTrue(_relay.TryRelay(Event(AlertEventKind.Created, id: 8, version: 1)));
        Assert.IsFalse(_relay.TryRelay(Event(AlertEventKind.Created, id: 8, version: 1)));
    }

    [TestMethod]
    public void TryRelay_NewerVersionPasses_AnOlderOneArrivingLateDoesNot()
    {
        Assert.IsTrue(_relay.TryRelay(Event(AlertEventKind.Changed, id: 7, version: 2)));
        Assert.IsTrue(_relay.TryRelay(Event(AlertEventKind.Changed, id: 7, version: 4)));
        Assert.IsFalse(_relay.TryRelay(Event(AlertEventKind.Changed, id: 7, version: 3)));
        Assert.IsTrue(_relay.TryRelay(Event(AlertEventKind.Reopened, id: 7, version: 5)));
    }

    [TestMethod]
    [DataRow(AlertEventKind.SlaWarning)]
    [DataRow(AlertEventKind.SlaBreached)]
    public void TryRelay_SlaNotices_ChangeNoVersion_AndAlwaysPass(AlertEventKind kind)
    {
        Assert.IsTrue(_relay.TryRelay(Event(AlertEventKind.Changed, id: 7, version: 2)));

        Assert.IsTrue(_relay.TryRelay(Event(kind, id: 7, version: 2)));
        Assert.IsTrue(_relay.TryRelay(Event(kind, id: 7, version: 2)));
    }

    [TestMethod]
    public void TryRelay_ForgetsTheOldestAlerts_BeyondItsCapacity()
    {
        for (var id = 1; id <= LiveAlertRelay.Capacity + 1; id++)
        {
            Assert.IsTrue(_relay.TryRelay(Event(AlertEventKind.Created, id, version: 1)));
        }

        Assert.IsTrue(_relay.TryRelay(Event(AlertEventKind.Created, id: 1, version: 1)), "the first alert fell out");
        Assert.IsFalse(_relay.TryRelay(Event(AlertEventKind.Created, id: LiveAlertRelay.Capacity + 1, version: 1)));
    }

    private static AlertEvent Event(AlertEventKind kind, long id, int version) => new(
        kind,
        new Alert { Id = id, Version = version, Brand = "acme", Team = "care", Title = "t", State = AlertState.New },
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
}
