using System.Globalization;
using SocialWatch.Core.Mentions;
using SocialWatch.Host.Web.Charts;

namespace SocialWatch.Host.Tests.Web.Charts;

[TestClass]
public sealed class SparklineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 8, 0, 0, TimeSpan.Zero);

    private static EngagementSnapshot At(double minutes, long likes) => new(1, T0.AddMinutes(minutes), new EngagementMetrics(likes, 0, 0, 0));

    private static List<(double X, double Y)> Parse(Sparkline line) =>
        [.. line.Points.Split(' ').Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    [TestMethod]
    public void From_NoSnapshots_IsNull()
    {
        var line = Sparkline.From([]);

        Assert.IsNull(line);
    }

    [TestMethod]
    public void From_OneSnapshot_IsALoneMarker_SaidToBeTheOnlyReading()
    {
        var line = Sparkline.From([At(0, 42)])!;

        Assert.HasCount(1, Parse(line));
        Assert.AreEqual(Parse(line)[0], (double.Parse(line.LastX, CultureInfo.InvariantCulture), double.Parse(line.LastY, CultureInfo.InvariantCulture)));
        Assert.AreEqual("Interactions: 42 (one reading so far)", line.Label);
    }

    [TestMethod]
    public void From_GrowingSeries_RunsLeftToRight_AndUp_OldestFirstWhateverTheOrderGiven()
    {
        var line = Sparkline.From([At(30, 400), At(0, 10), At(10, 100)])!;

        var points = Parse(line);
        Assert.HasCount(3, points);
        Assert.IsTrue(points[0].X < points[1].X && points[1].X < points[2].X, line.Points);
        Assert.IsTrue(points[0].Y > points[1].Y && points[1].Y > points[2].Y, "SVG's y grows downwards: " + line.Points);
        Assert.AreEqual("Interactions over 30 min: 10 to 400 (3 readings)", line.Label);
    }

    [TestMethod]
    public void From_ExtremeCounts_StaysInsideItsBox()
    {
        var line = Sparkline.From([At(0, -5), At(1, long.MaxValue), At(2, 0), At(2, long.MaxValue / 3)], width: 100, height: 20)!;

        var points = Parse(line);
        Assert.IsTrue(points.All(p => p.X >= 0 && p.X <= 100 && p.Y >= 0 && p.Y <= 20), line.Points);
        Assert.IsTrue(points.All(p => double.IsFinite(p.X) && double.IsFinite(p.Y)), line.Points);
    }

    [TestMethod]
    public void From_FlatSeries_IsALevelLineMidway()
    {
        var line = Sparkline.From([At(0, 7), At(5, 7), At(9, 7)], width: 100, height: 20)!;

        var points = Parse(line);
        Assert.IsTrue(points.All(p => p.Y == 10), line.Points);
    }

    [TestMethod]
    public void From_SnapshotsAllAtOneMoment_AreSpreadAcross()
    {
        var line = Sparkline.From([At(0, 1), At(0, 2), At(0, 3)], width: 100, height: 20)!;

        var points = Parse(line);
        Assert.AreEqual(3, points.Select(p => p.X).Distinct().Count(), line.Points);
    }

    [TestMethod]
    public void From_LongSeries_IsThinnedToMaxPoints_KeepingTheFirstAndLatest()
    {
        var snapshots = Enumerable.Range(0, 1_000).Select(i => At(i, i * 3L)).ToList();

        var line = Sparkline.From(snapshots)!;

        Assert.HasCount(Sparkline.MaxPoints, Parse(line));
        Assert.AreEqual("Interactions over 16 h 39 min: 0 to 3k (60 readings)", line.Label);
    }

    [TestMethod]
    public void From_TooSmallABox_IsRefused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Sparkline.From([At(0, 1)], width: 4));
    }
}
