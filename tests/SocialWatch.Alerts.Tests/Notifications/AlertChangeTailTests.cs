using SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>The tail's own arithmetic; its reading of the database is in the per-dialect AlertChangeTail tests.</summary>
[TestClass]
public sealed class AlertChangeTailTests
{
    [TestMethod]
    public void RetryDelay_DoublesFromTheInterval_UpToTheMaximum()
    {
        var interval = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(30);

        var delays = Enumerable.Range(1, 6).Select(f => AlertChangeTail.RetryDelay(interval, max, f).TotalSeconds).ToArray();

        CollectionAssert.AreEqual(new[] { 2d, 4, 8, 16, 30, 30 }, delays);
        Assert.AreEqual(max, AlertChangeTail.RetryDelay(interval, max, 10_000));
    }
}
