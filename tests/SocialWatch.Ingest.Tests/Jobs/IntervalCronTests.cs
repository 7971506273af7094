using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Tests.Jobs;

[TestClass]
public sealed class IntervalCronTests
{
    [TestMethod]
    [DataRow("00:00:01", "* * * * * *")]
    [DataRow("00:00:30", "*/30 * * * * *")]
    [DataRow("00:00:45", "*/30 * * * * *")]
    [DataRow("00:01:00", "* * * * *")]
    [DataRow("00:07:00", "*/6 * * * *")]
    [DataRow("00:15:00", "*/15 * * * *")]
    [DataRow("02:00:00", "0 */2 * * *")]
    [DataRow("1.00:00:00", "0 0 * * *")]
    public void For_RoundsDownToAStepCronCanExpress(string interval, string expected)
    {
        var cron = IntervalCron.For(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture));

        Assert.AreEqual(expected, cron);
    }
}
