using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class ChannelAlertNotifierTests
{
    [TestMethod]
    public void Publish_ABurstOfTensOfThousands_NeverBlocksAndKeepsEveryEventInOrder()
    {
        var notifier = new ChannelAlertNotifier();

        for (var i = 0; i < 30_000; i++)
        {
            notifier.Publish(NotificationTestData.Event(AlertEventKind.Created) with { Detail = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var queued = new List<string?>();
        while (notifier.Reader.TryRead(out var e))
        {
            queued.Add(e.Detail);
        }

        Assert.HasCount(30_000, queued);
        Assert.AreEqual("0", queued[0]);
        Assert.AreEqual("29999", queued[^1]);
    }
}
