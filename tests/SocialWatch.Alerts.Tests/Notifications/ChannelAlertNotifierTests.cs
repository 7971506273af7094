using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class ChannelAlertNotifierTests
{
    [TestMethod]
    public void Publish_QueueFull_NeverBlocksAndKeepsTheNewestEvents()
    {
        var notifier = new ChannelAlertNotifier(Options.Create(new NotificationOptions { QueueCapacity = 16 }), NullLogger<ChannelAlertNotifier>.Instance);

        for (var i = 0; i < 1000; i++)
        {
            notifier.Publish(NotificationTestData.Event(AlertEventKind.Created) with { Detail = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var queued = new List<string?>();
        while (notifier.Reader.TryRead(out var e))
        {
            queued.Add(e.Detail);
        }

        Assert.HasCount(16, queued);
        Assert.AreEqual("984", queued[0]);
        Assert.AreEqual("999", queued[^1]);
    }
}
