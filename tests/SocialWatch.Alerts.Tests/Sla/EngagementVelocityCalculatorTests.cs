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
}
