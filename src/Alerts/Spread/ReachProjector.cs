using SocialWatch.Core.Mentions;

namespace SocialWatch.Alerts.Spread;

/// <summary>
/// Projects a post's total interactions at +24 h from its early engagement snapshots (method and measured error:
/// <c>docs/spread.md</c>). A cascade of a self-exciting process whose memory kernel is SEISMIC's (flat for the first
/// five minutes, then a power law) gains interactions at a rate that decays as a power of the post's age; the more the
/// interactions excite each other, the slower the decay. The rate's scale and its decay exponent are fitted to the
/// snapshot increments by Poisson likelihood (overdispersion estimated from the misfit), with a weak prior on the
/// exponent at SEISMIC's Twitter value, and the fitted rate is integrated out to the horizon. Pure: no I/O, no clock.
/// </summary>
public static class ReachProjector
{
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromHours(24);

    public const string MethodName = "power-law decay fit";

    /// <summary>The horizon has passed: the figure is read, not projected.</summary>
    public const string ObservedMethodName = "observed";

    /// <summary>The kernel's flat start (SEISMIC's s0): reactions to a fresh post come at a steady rate at first.</summary>
    private const double PlateauMinutes = 5;

    /// <summary>SEISMIC's kernel exponent on Twitter, 1 + θ with θ = 0.242: what an early series that cannot tell falls back to.</summary>
    private const double PriorExponent = 1.242;

    /// <summary>Weak: a few snapshots with clear growth or a clear stop outweigh it.</summary>
    private const double PriorSpread = 0.4;

    // -0.5 lets a cascade that is catching fire (rate still rising) be seen as such; 4 is a post that has stopped.
    private const double MinExponent = -0.5;
    private const double MaxExponent = 4;
    private const double ExponentStep = 0.02;

    /// <summary>
    /// Overdispersion below which the misfit is not trusted: a cascade's increments vary far more than Poisson counts
    /// (one large account's repost brings a burst). Set once on simulated cascades (seed 7, not the reported seed) so
    /// the 90% interval covers about nine in ten true values at an hour.
    /// </summary>
    private const double DispersionFloor = 5;

    /// <summary>
    /// The floor grows with the square root of the count: the larger a cascade, the larger the bursts its big reposters
    /// bring, and a fixed floor left the interval of cascades past a few hundred interactions covering only about eight
    /// in ten at 4 h. Set on seed 7 as well.
    /// </summary>
    private const double BurstShare = 0.5;

    private const double ChiSquare1Df90 = 2.706;
    private const double Z90 = 1.645;

    /// <summary>Keeps a runaway fit (a rising rate integrated over a day) far from overflow.</summary>
    private const double Ceiling = 1e12;

    /// <summary>
    /// The projection at <paramref name="horizon"/> (default 24 h) after <paramref name="createdAt"/>; null with fewer
    /// than two snapshots taken after the post was created, or no interaction yet. Snapshots may come in any order; a
    /// count that went down (an unlike, a deleted repost) is read as no growth, and snapshots at the same moment as one.
    /// </summary>
    public static ReachProjection? Project(DateTimeOffset createdAt, IReadOnlyList<EngagementSnapshot> snapshots, TimeSpan? horizon = null)
    {
        var until = horizon ?? DefaultHorizon;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(until, TimeSpan.Zero);

        var points = Readings(createdAt, snapshots);
        if (points.Count < 2 || points[^1].Total <= 0)
        {
            return null;
        }

        var horizonMinutes = until.TotalMinutes;
        if (points[^1].Minutes >= horizonMinutes)
        {
            return Observed(points, horizonMinutes, until);
        }

        return Fit(points, horizonMinutes, until);
    }

    private readonly record struct Reading(double Minutes, double Total);

    /// <summary>Ages after creation, one per moment, with a count that never goes down.</summary>
    private static List<Reading> Readings(DateTimeOffset createdAt, IReadOnlyList<EngagementSnapshot> snapshots)
    {
        var points = new List<Reading>(snapshots.Count);
        var highest = 0d;
        foreach (var moment in snapshots.Where(s => s.At > createdAt).GroupBy(s => s.At).OrderBy(g => g.Key))
        {
            highest = Math.Max(highest, moment.Max(s => (double)Math.Max(0, s.Metrics.Total)));
            points.Add(new Reading((moment.Key - createdAt).TotalMinutes, highest));
        }

        return points;
    }

    /// <summary>The horizon has passed: the count at it is read off the snapshots around it.</summary>
    private static ReachProjection Observed(List<Reading> points, double horizonMinutes, TimeSpan horizon)
    {
        var after = points.FindIndex(p => p.Minutes >= horizonMinutes);
        var before = after > 0 ? points[after - 1] : new Reading(0, 0);
        var next = points[after];
        var share = (horizonMinutes - before.Minutes) / (next.Minutes - before.Minutes);
        var atHorizon = (long)Math.Round(before.Total + share * (next.Total - before.Total));
        var current = (long)points[^1].Total;
        return new ReachProjection(current, TimeSpan.FromMinutes(points[^1].Minutes), horizon, atHorizon, atHorizon, atHorizon, null, ProjectionConfidence.High, ObservedMethodName);
    }

    private static ReachProjection Fit(List<Reading> points, double horizonMinutes, TimeSpan horizon)
    {
        var observedMinutes = points[^1].Minutes;
        var total = points[^1].Total;
        var steps = (int)Math.Round((MaxExponent - MinExponent) / ExponentStep) + 1;
        var exponents = new double[steps];
        var logLikelihood = new double[steps];
        var pearson = new double[steps];
        var remaining = new double[steps];
        var best = 0;
        for (var i = 0; i < steps; i++)
        {
            var exponent = MinExponent + i * ExponentStep;
            exponents[i] = exponent;
            (logLikelihood[i], pearson[i], remaining[i]) = Evaluate(points, exponent, horizonMinutes);
            if (logLikelihood[i] > logLikelihood[best])
            {
                best = i;
            }
        }

        // With two parameters fitted, only the snapshots beyond two say how far the increments stray from the curve.
        var freedom = points.Count - 2;
        var floor = Math.Max(DispersionFloor, BurstShare * Math.Sqrt(total));
        var dispersion = freedom > 0 ? Math.Max(floor, pearson[best] / freedom) : floor;
        if (!double.IsFinite(dispersion))
        {
            dispersion = floor;
        }

        var posterior = new double[steps];
        var top = 0;
        for (var i = 0; i < steps; i++)
        {
            var offPrior = (exponents[i] - PriorExponent) / PriorSpread;
            posterior[i] = logLikelihood[i] / dispersion - 0.5 * offPrior * offPrior;
            if (posterior[i] > posterior[top])
            {
                top = i;
            }
        }

        var lowRemaining = double.MaxValue;
        var highRemaining = 0d;
        for (var i = 0; i < steps; i++)
        {
            if (2 * (posterior[top] - posterior[i]) > ChiSquare1Df90)
            {
                continue;
            }

            // The fitted curve is an expectation; the interactions still to come scatter around it as well.
            var scatter = Z90 * Math.Sqrt(dispersion * remaining[i]);
            lowRemaining = Math.Min(lowRemaining, Math.Max(0, remaining[i] - scatter));
            highRemaining = Math.Max(highRemaining, remaining[i] + scatter);
        }

        var expected = ToCount(total + remaining[top]);
        var low = ToCount(total + lowRemaining);
        var high = Math.Max(expected, ToCount(total + highRemaining));
        low = Math.Min(low, expected);
        var spread = (double)high / Math.Max(1, low);
        var confidence = spread <= 1.5 ? ProjectionConfidence.High : spread <= 3 ? ProjectionConfidence.Medium : ProjectionConfidence.Low;
        return new ReachProjection(
            (long)total, TimeSpan.FromMinutes(observedMinutes), horizon, expected, low, high, Math.Round(exponents[top], 2), confidence, MethodName);
    }

    /// <summary>
    /// Poisson log-likelihood (without the terms that do not depend on the fit), Pearson misfit and interactions still
    /// to come by the horizon, for the rate A·g(age) whose scale A makes the curve meet the latest count (its
    /// maximum-likelihood value for any exponent).
    /// </summary>
    private static (double LogLikelihood, double Pearson, double Remaining) Evaluate(List<Reading> points, double exponent, double horizonMinutes)
    {
        var total = points[^1].Total;
        var scale = total / Cumulative(points[^1].Minutes, exponent);
        var logLikelihood = 0d;
        var pearson = 0d;
        var previous = new Reading(0, 0);
        foreach (var point in points)
        {
            var expected = Math.Max(1e-12, scale * (Cumulative(point.Minutes, exponent) - Cumulative(previous.Minutes, exponent)));
            var gained = point.Total - previous.Total;
            if (gained > 0)
            {
                logLikelihood += gained * Math.Log(expected);
            }

            logLikelihood -= expected;
            pearson += (gained - expected) * (gained - expected) / expected;
            previous = point;
        }

        var remaining = Math.Min(Ceiling, scale * (Cumulative(horizonMinutes, exponent) - Cumulative(points[^1].Minutes, exponent)));
        return (logLikelihood, pearson, Math.Max(0, remaining));
    }

    /// <summary>∫₀ˢ g, with g = 1 on the plateau and (s/s0)^-exponent after it.</summary>
    private static double Cumulative(double minutes, double exponent)
    {
        if (minutes <= PlateauMinutes)
        {
            return minutes;
        }

        var ratio = minutes / PlateauMinutes;
        var power = 1 - exponent;
        var tail = Math.Abs(power) < 1e-9 ? Math.Log(ratio) : (Math.Pow(ratio, power) - 1) / power;
        return PlateauMinutes * (1 + tail);
    }

    private static long ToCount(double value) => (long)Math.Round(Math.Clamp(value, 0, Ceiling));
}
