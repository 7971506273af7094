using SocialWatch.Core.Scoring;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Alerts.Tests.Sla;

[TestClass]
public sealed class EngagementVelocityCalculatorTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void FromSnapshots_UsesTheLatestInterval()
    {
        var snapshots = new EngagementSnapshot[]
        {
            new(1, T.AddHours(1), new(100, 40, 10, 10)),
            new(1, T, new(10, 5, 0, 5)),
        };

        var v = EngagementVelocityCalculator.FromSnapshots(snapshots)!;

        Assert.AreEqual((140.0, 40.0), (v.EngagementPerHour, v.RepostsPerHour));
        Assert.AreEqual(TimeSpan.FromHours(160.0 / 140.0), v.DoublingTime);
    }

    [TestMethod]
    public void FromSnapshots_CarriesTheIntervalTheRatesWereMeasuredOver()
    {
        var snapshots = new EngagementSnapshot[] { new(1, T, new(10, 0, 0, 0)), new(1, T.AddMinutes(30), new(1210, 0, 0, 0)) };

        var v = EngagementVelocityCalculator.FromSnapshots(snapshots)!;

        Assert.AreEqual(TimeSpan.FromMinutes(30), v.Window);
        Assert.AreEqual(1200.0, v.EngagementPerHour * v.Window!.Value.TotalHours, 1e-9);
    }

    [TestMethod]
    public void FromSnapshots_NoGrowthOrOneSnapshot_HasNoDoublingTime()
    {
        var flat = EngagementVelocityCalculator.FromSnapshots([new(1, T, new(5, 0, 0, 0)), new(1, T.AddHours(1), new(5, 0, 0, 0))]);
        var single = EngagementVelocityCalculator.FromSnapshots([new(1, T, new(5, 0, 0, 0))]);

        Assert.IsNull(flat!.DoublingTime);
        Assert.IsNull(single);
    }

    [TestMethod]
    public void FromSnapshots_OverAWindow_SeesGrowthThatTheLatestQuietReadHides()
    {
        var snapshots = new EngagementSnapshot[]
        {
            new(1, T, new(10, 0, 0, 0)),
            new(1, T.AddMinutes(10), new(40, 0, 0, 0)),
            new(1, T.AddMinutes(20), new(100, 0, 0, 0)),
            new(1, T.AddMinutes(21), new(100, 0, 0, 0)),
        };

        var latest = EngagementVelocityCalculator.FromSnapshots(snapshots)!;
        var overTenMinutes = EngagementVelocityCalculator.FromSnapshots(snapshots, TimeSpan.FromMinutes(10))!;
        var overAnHour = EngagementVelocityCalculator.FromSnapshots(snapshots, TimeSpan.FromHours(1))!;

        Assert.AreEqual(0.0, latest.EngagementPerHour);
        Assert.AreEqual(TimeSpan.FromMinutes(11), overTenMinutes.Window);
        Assert.AreEqual(60.0 / 11 * 60, overTenMinutes.EngagementPerHour, 1e-9);
        Assert.AreEqual(TimeSpan.FromMinutes(21), overAnHour.Window, "no snapshot is that old: from the first");
    }
}
