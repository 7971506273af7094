using SocialWatch.Alerts.Spread;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Alerts.Tests.Spread;

[TestClass]
public sealed class ReachProjectorTests
{
    private static readonly DateTimeOffset Created = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Snapshots at the given minutes after the post, with the given interaction totals.</summary>
    private static List<EngagementSnapshot> Series(params (double Minutes, long Total)[] readings) =>
        readings.Select(r => new EngagementSnapshot(1, Created.AddMinutes(r.Minutes), new EngagementMetrics(r.Total, 0, 0, 0))).ToList();

    /// <summary>A rate that decays as the power <paramref name="exponent"/> of age after a five-minute plateau, read at the watch cadence.</summary>
    private static List<EngagementSnapshot> PowerLawSeries(double ratePerMinute, double exponent, params double[] minutes)
    {
        static double Cumulative(double m, double e) =>
            m <= 5 ? m : 5 * (1 + (Math.Abs(1 - e) < 1e-9 ? Math.Log(m / 5) : (Math.Pow(m / 5, 1 - e) - 1) / (1 - e)));

        return Series(minutes.Select(m => (m, (long)Math.Round(ratePerMinute * Cumulative(m, exponent)))).ToArray());
    }

    [TestMethod]
    public void No_projection_is_made_from_a_single_snapshot()
    {
        var snapshots = Series((5, 40));

        var projection = ReachProjector.Project(Created, snapshots);

        Assert.IsNull(projection);
    }

    [TestMethod]
    public void No_projection_is_made_before_the_first_interaction()
    {
        var snapshots = Series((2, 0), (5, 0), (15, 0));

        var projection = ReachProjector.Project(Created, snapshots);

        Assert.IsNull(projection);
    }

    [TestMethod]
    public void Snapshots_taken_before_the_post_was_created_are_ignored()
    {
        // A clock skew between the network and the host: a reading "before" the post says nothing about its growth.
        var snapshots = Series((-3, 10), (5, 40));

        var projection = ReachProjector.Project(Created, snapshots);

        Assert.IsNull(projection);
    }

    [TestMethod]
    public void The_projection_never_falls_below_what_is_already_there()
    {
        var snapshots = Series((2, 30), (5, 80), (15, 81), (60, 81));

        var projection = ReachProjector.Project(Created, snapshots)!;

        Assert.AreEqual(81, projection.Current);
        Assert.IsGreaterThanOrEqualTo(81, projection.Low);
        Assert.IsGreaterThanOrEqualTo(projection.Low, projection.Expected);
        Assert.IsGreaterThanOrEqualTo(projection.Expected, projection.High);
    }

    [TestMethod]
    public void A_post_still_gaining_is_projected_far_above_its_stalled_twin_with_the_same_count()
    {
        var gaining = Series((2, 20), (5, 60), (15, 180), (30, 400));
        var stalled = Series((2, 300), (5, 390), (15, 399), (30, 400));

        var rising = ReachProjector.Project(Created, gaining)!;
        var stopped = ReachProjector.Project(Created, stalled)!;

        Assert.IsGreaterThan(3 * stopped.Expected, rising.Expected);
        Assert.IsLessThan(600, stopped.Expected);
        Assert.IsLessThan(stopped.DecayExponent!.Value, rising.DecayExponent!.Value);
    }

    [TestMethod]
    public void A_clean_power_law_is_recovered_within_a_tenth()
    {
        var early = PowerLawSeries(ratePerMinute: 40, exponent: 1.3, 2, 5, 15, 30, 60, 120);
        var truth = PowerLawSeries(ratePerMinute: 40, exponent: 1.3, 24 * 60)[0].Metrics.Total;

        var projection = ReachProjector.Project(Created, early)!;

        Assert.IsLessThan(0.1, Math.Abs(projection.Expected - truth) / (double)truth, $"{projection.Expected} against {truth}");
        Assert.AreEqual(1.3, projection.DecayExponent!.Value, 0.1);
        Assert.IsTrue(projection.Low <= truth && truth <= projection.High, $"{truth} outside {projection.Low}–{projection.High}");
    }

    [TestMethod]
    public void More_snapshots_narrow_the_interval()
    {
        var early = PowerLawSeries(ratePerMinute: 40, exponent: 1.3, 2, 5, 15);
        var later = PowerLawSeries(ratePerMinute: 40, exponent: 1.3, 2, 5, 15, 60, 240);

        var first = ReachProjector.Project(Created, early)!;
        var second = ReachProjector.Project(Created, later)!;

        Assert.IsLessThan(first.High / (double)first.Low, second.High / (double)second.Low);
        Assert.AreEqual(ReachProjector.MethodName, second.Method);
    }

    [TestMethod]
    public void Counts_that_go_down_are_read_as_no_growth_and_snapshots_may_come_in_any_order()
    {
        var ordered = Series((2, 20), (5, 60), (15, 60), (30, 150));
        var shuffledWithUnlike = Series((30, 150), (2, 20), (15, 55), (5, 60));

        var a = ReachProjector.Project(Created, ordered)!;
        var b = ReachProjector.Project(Created, shuffledWithUnlike)!;

        Assert.AreEqual(a, b);
    }

    [TestMethod]
    public void Past_the_horizon_the_count_at_the_horizon_is_read_not_projected()
    {
        var snapshots = Series((60, 100), (20 * 60, 500), (28 * 60, 900));

        var projection = ReachProjector.Project(Created, snapshots)!;

        Assert.AreEqual(ReachProjector.ObservedMethodName, projection.Method);
        Assert.AreEqual(700, projection.Expected);
        Assert.AreEqual(projection.Expected, projection.Low);
        Assert.AreEqual(projection.Expected, projection.High);
        Assert.AreEqual(900, projection.Current);
        Assert.IsNull(projection.DecayExponent);
    }

    [TestMethod]
    public void A_shorter_horizon_projects_less()
    {
        var snapshots = PowerLawSeries(ratePerMinute: 10, exponent: 1.1, 2, 5, 15, 30);

        var day = ReachProjector.Project(Created, snapshots)!;
        var hours = ReachProjector.Project(Created, snapshots, TimeSpan.FromHours(2))!;

        Assert.IsLessThan(day.Expected, hours.Expected);
        Assert.AreEqual(TimeSpan.FromHours(2), hours.Horizon);
    }

    [TestMethod]
    public void A_post_catching_fire_stays_finite()
    {
        // The rate is still rising: the fit must neither overflow nor report a negative reach.
        var snapshots = Series((2, 5), (5, 40), (15, 600), (30, 9_000), (45, 120_000));

        var projection = ReachProjector.Project(Created, snapshots)!;

        Assert.IsGreaterThanOrEqualTo(120_000, projection.Expected);
        Assert.IsGreaterThanOrEqualTo(projection.Expected, projection.High);
        Assert.IsLessThanOrEqualTo(1_000_000_000_000, projection.High);
    }

    [TestMethod]
    public void A_wide_interval_is_reported_as_low_confidence()
    {
        var snapshots = Series((2, 3), (5, 6));

        var projection = ReachProjector.Project(Created, snapshots)!;

        Assert.AreEqual(ProjectionConfidence.Low, projection.Confidence);
    }

    [TestMethod]
    public void A_zero_horizon_is_refused()
    {
        var snapshots = Series((2, 3), (5, 6));

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ReachProjector.Project(Created, snapshots, TimeSpan.Zero));
    }
}
