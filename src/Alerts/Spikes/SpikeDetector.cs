using Microsoft.Extensions.Options;
using SocialWatch.Core.Spikes;

namespace SocialWatch.Alerts.Spikes;

/// <summary>What the detector found for the current window.</summary>
/// <param name="Expected">Median of the baseline windows.</param>
/// <param name="StillElevated">Above the looser bar that keeps an ongoing spike alive (hysteresis).</param>
public sealed record SpikeSignal(
    bool Volume,
    bool Negativity,
    bool StillElevated,
    long Count,
    double Expected,
    double NegativeShare,
    double BaselineNegativeShare)
{
    public bool Fires => Volume || Negativity;
}

/// <summary>
/// Spike test against a brand's own seasonal baseline: the same time of week in past weeks. Volume must beat a
/// robust bar (median + z·MAD, which ignores past spikes in the baseline), a minimum ratio to the median, and a Poisson tail test (which keeps
/// low-volume brands, where 1 → 4 mentions is noise, quiet); the negative share must rise by a margin and pass a
/// binomial tail test against the baseline share, shrunk towards a prior when history is thin. A baseline without any
/// mention never fires.
/// </summary>
public sealed class SpikeDetector(IOptions<SpikeOptions> options)
{
    // Normal-equivalent scale of the median absolute deviation.
    private const double MadScale = 1.4826;

    // An ongoing spike stays alive while the window is above this share of the firing bar's excess.
    private const double ClearFraction = 0.5;

    private readonly SpikeOptions _o = options.Value;

    /// <summary>The current window ending at <paramref name="now"/> and the baseline windows to compare it with.</summary>
    public (WindowCount Current, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Baseline) Windows(DateTimeOffset now)
    {
        var current = new WindowCount(now - _o.Window, now, 0, 0);
        var baseline = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var week = 1; week <= _o.BaselineWeeks; week++)
        {
            for (var n = -_o.NeighbourWindows; n <= _o.NeighbourWindows; n++)
            {
                var end = now - TimeSpan.FromDays(7 * week) + _o.Window * n;
                baseline.Add((end - _o.Window, end));
            }
        }

        return (current, baseline);
    }

    public SpikeSignal Evaluate(WindowCount current, IReadOnlyList<WindowCount> baseline)
    {
        // Without a single mention in the baseline there is no "usual" to compare with: a brand's first mentions (a new
        // brand, a fresh install) are what its baseline is learned from, not a spike, however many or negative.
        if (baseline.All(b => b.Total == 0))
        {
            var firstShare = current.Total == 0 ? 0.0 : (double)current.Negative / current.Total;
            return new SpikeSignal(false, false, false, current.Total, 0, firstShare, _o.PriorNegativeShare);
        }

        var totals = baseline.Select(b => (double)b.Total).ToArray();
        var median = Median(totals);
        var mad = Median([.. totals.Select(t => Math.Abs(t - median))]);

        // With a flat baseline the MAD is 0; Poisson noise sqrt(λ) is the least spread to expect.
        var lambda = Math.Max(median, 1.0);
        var spread = Math.Max(MadScale * mad, Math.Sqrt(lambda));
        var bar = median + _o.RobustZ * spread;
        var count = current.Total;
        var volume = count >= _o.MinCount && count > bar && count >= _o.MinRatio * median && PoissonUpperTail(count, lambda) < _o.Alpha;

        var baselineTotal = baseline.Sum(b => b.Total);
        var baselineNegative = baseline.Sum(b => b.Negative);

        // Shrink towards the prior as if it had been seen in one window's worth of mentions (at least 20).
        var priorWeight = Math.Max(20.0, median);
        var p0 = (baselineNegative + _o.PriorNegativeShare * priorWeight) / (baselineTotal + priorWeight);
        var share = count == 0 ? 0.0 : (double)current.Negative / count;
        var negativity = current.Negative >= _o.MinNegativeCount
            && share - p0 >= _o.MinNegativeShareIncrease
            && BinomialUpperTail(current.Negative, count, p0) < _o.Alpha;

        var stillElevated = count > median + ClearFraction * (bar - median)
            || (current.Negative >= _o.MinNegativeCount / 2 && share - p0 >= _o.MinNegativeShareIncrease * ClearFraction);
        return new SpikeSignal(volume, negativity, volume || negativity || stillElevated, count, median, share, p0);
    }

    internal static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>P(X ≥ k) for X ~ Poisson(λ), summed in log space to stay finite for large counts.</summary>
    internal static double PoissonUpperTail(long k, double lambda)
    {
        if (k <= 0)
        {
            return 1.0;
        }

        // 1 - P(X ≤ k-1); for k far above λ the tail terms are summed directly to keep precision.
        var logLambda = Math.Log(lambda);
        var logTerm = k * logLambda - lambda - LogFactorial(k);
        double sum = 0;
        for (var i = k; i < k + 10_000; i++)
        {
            var term = Math.Exp(logTerm);
            sum += term;
            if (term < sum * 1e-12 && i > lambda)
            {
                break;
            }

            logTerm += logLambda - Math.Log(i + 1);
        }

        return Math.Min(1.0, sum);
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    internal static double BinomialUpperTail(long k, long n, double p)
    {
        if (k <= 0)
        {
            return 1.0;
        }

        if (k > n || p <= 0)
        {
            return 0.0;
        }

        if (p >= 1)
        {
            return 1.0;
        }

        double sum = 0;
        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        for (var i = k; i <= n; i++)
        {
            var logTerm = LogFactorial(n) - LogFactorial(i) - LogFactorial(n - i) + i * logP + (n - i) * logQ;
            var term = Math.Exp(logTerm);
            sum += term;
            if (term < sum * 1e-12 && i > n * p)
            {
                break;
            }
        }

        return Math.Min(1.0, sum);
    }

    private static double LogFactorial(long n)
    {
        if (n < 2)
        {
            return 0;
        }

        if (n < 256)
        {
            double s = 0;
            for (var i = 2; i <= n; i++)
            {
                s += Math.Log(i);
            }

            return s;
        }

        // Stirling's series; error far below what a tail test at 0.001 can notice.
        var x = (double)n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
