using System.Diagnostics;
using System.Globalization;
using SocialWatch.Alerts.Spread;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Error of the +24 h reach projection on simulated cascades. Each cascade is a marked self-exciting process in its
/// branching form: the post and every repost are exposures whose reactions arrive after SEISMIC's memory kernel (flat
/// for five minutes, then a power law with a per-cascade θ), the post's direct reactions scale with the author's
/// followers, and a repost's with its reposter's followers (both heavy-tailed, log-normal). The cascade is read at the
/// watch list's ages, the projector is given the snapshots up to each age, and its answer is compared with the true
/// count at the horizon. Options: --cascades N (default 5,000), --seed S (default 12), --ages 2,5,15,60,240 (minutes),
/// --horizon H (hours, default 24).
/// </summary>
internal sealed class ProjectionBenchmark : IBenchmark
{
    private const double PlateauMinutes = 5;

    /// <summary>Share of reactions that are reposts or quotes, the only ones that show the post to new people.</summary>
    private const double RepostShare = 0.2;

    private const double ReposterMedianFollowers = 150;
    private const double ReposterFollowerSigma = 1.5;

    /// <summary>A runaway cascade is cut here so one sample cannot take the run's memory; the run counts them.</summary>
    private const int EventCap = 2_000_000;

    public string Name => "projection";

    public string Description => "median / p90 error and interval coverage of the +24 h reach projection on simulated cascades";

    public Task<int> RunAsync(string[] args)
    {
        var cascades = Option(args, "--cascades", 5_000);
        var seed = Option(args, "--seed", 12);
        var horizon = TimeSpan.FromHours(Option(args, "--horizon", 24));
        var ages = (Value(args, "--ages") ?? "2,5,15,60,240")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => TimeSpan.FromMinutes(double.Parse(a, CultureInfo.InvariantCulture)))
            .Order()
            .ToArray();

        var random = new Random(seed);
        var created = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var results = ages.Select(_ => new List<Outcome>()).ToArray();
        var capped = 0;
        var sizes = new List<long>(cascades);
        var clock = Stopwatch.StartNew();
        var projecting = TimeSpan.Zero;
        for (var c = 0; c < cascades; c++)
        {
            var (times, hitCap) = Simulate(random, horizon.TotalMinutes);
            capped += hitCap ? 1 : 0;
            times.Sort();
            var truth = times.Count;
            sizes.Add(truth);
            var snapshots = new List<EngagementSnapshot>(ages.Length);
            for (var k = 0; k < ages.Length; k++)
            {
                var seen = CountUpTo(times, ages[k].TotalMinutes);
                snapshots.Add(new EngagementSnapshot(c, created + ages[k], new EngagementMetrics(seen, 0, 0, 0)));
                var started = Stopwatch.GetTimestamp();
                var projection = ReachProjector.Project(created, snapshots, horizon);
                projecting += Stopwatch.GetElapsedTime(started);
                results[k].Add(new Outcome(truth, seen, projection));
            }
        }

        var sorted = sizes.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"projection: {cascades:N0} simulated cascades, seed {seed}, horizon {horizon.TotalHours:0} h, run in {clock.Elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"true size at the horizon: median {Quantile(sorted, 0.5):N0}, p90 {Quantile(sorted, 0.9):N0}, p99 {Quantile(sorted, 0.99):N0}, max {sorted[^1]:N0}; {capped} cut at {EventCap:N0} events"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"projector time: {projecting.TotalMicroseconds / (cascades * ages.Length):0.0} µs per call"));
        Print("all cascades with a projection", ages, results, _ => true);
        Print("cascades with at least 100 interactions at the horizon", ages, results, o => o.Truth >= 100);
        return Task.FromResult(0);
    }

    private sealed record Outcome(long Truth, long Seen, ReachProjection? Projection);

    private static void Print(string title, TimeSpan[] ages, List<Outcome>[] results, Func<Outcome, bool> include)
    {
        Console.WriteLine();
        Console.WriteLine(title + ":");
        Console.WriteLine("| observed at | cascades | projected | median error | p90 error | inside 90% interval | median high / low | median error of \"current count\" |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (var k = 0; k < ages.Length; k++)
        {
            var outcomes = results[k].Where(include).ToList();
            var projected = outcomes.Where(o => o.Projection is not null).ToList();
            if (projected.Count == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Age(ages[k])} | {outcomes.Count:N0} | 0 | — | — | — | — | — |"));
                continue;
            }

            var errors = projected.Select(o => Math.Abs(o.Projection!.Expected - o.Truth) / (double)o.Truth).Order().ToList();
            var naive = projected.Select(o => Math.Abs(o.Seen - o.Truth) / (double)o.Truth).Order().ToList();
            var width = projected.Select(o => o.Projection!.High / (double)Math.Max(1, o.Projection.Low)).Order().ToList();
            var inside = projected.Count(o => o.Projection!.Low <= o.Truth && o.Truth <= o.Projection.High) / (double)projected.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Age(ages[k])} | {outcomes.Count:N0} | {projected.Count / (double)outcomes.Count:P0} | {Quantile(errors, 0.5):P0} | {Quantile(errors, 0.9):P0} | {inside:P0} | {Quantile(width, 0.5):0.0}× | {Quantile(naive, 0.5):P0} |"));
        }
    }

    /// <summary>Reaction times (minutes after the post) up to the horizon, and whether the cascade hit the cap.</summary>
    private static (List<double> Times, bool Capped) Simulate(Random random, double horizonMinutes)
    {
        // Heavy-tailed reach: most authors have a few hundred followers, a few have millions.
        var followers = Math.Clamp(LogNormal(random, 400, 2.2), 10, 20_000_000);
        var engagementRate = Math.Min(0.2, LogNormal(random, 0.01, 1.2));
        var branching = random.NextDouble() * 0.95;
        var theta = 0.15 + random.NextDouble() * 0.3;
        var meanReposterFollowers = ReposterMedianFollowers * Math.Exp(ReposterFollowerSigma * ReposterFollowerSigma / 2);

        var times = new List<double>();
        var spreaders = new Queue<(double At, double Offspring)>();
        spreaders.Enqueue((0, Math.Min(200_000, engagementRate * followers)));
        while (spreaders.Count > 0)
        {
            var (at, offspring) = spreaders.Dequeue();
            var children = Poisson(random, offspring);
            for (var i = 0; i < children; i++)
            {
                var when = at + KernelDelay(random, theta);
                if (when > horizonMinutes)
                {
                    continue;
                }

                times.Add(when);
                if (times.Count >= EventCap)
                {
                    return (times, true);
                }

                if (random.NextDouble() < RepostShare)
                {
                    // A repost's audience is its reposter's followers; on average a reaction has `branching` children.
                    var reach = LogNormal(random, ReposterMedianFollowers, ReposterFollowerSigma) / meanReposterFollowers;
                    spreaders.Enqueue((when, branching / RepostShare * reach));
                }
            }
        }

        return (times, false);
    }

    /// <summary>A delay drawn from SEISMIC's kernel by inverting its distribution function.</summary>
    private static double KernelDelay(Random random, double theta)
    {
        var u = random.NextDouble();
        var plateauShare = theta / (1 + theta);
        return u < plateauShare
            ? u / plateauShare * PlateauMinutes
            : PlateauMinutes * Math.Pow((1 - u) * (1 + theta), -1 / theta);
    }

    private static double LogNormal(Random random, double median, double sigma) => median * Math.Exp(sigma * Normal(random));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static long Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (long)Math.Round(mean + Math.Sqrt(mean) * Normal(random)));
        }

        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0L;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    private static long CountUpTo(List<double> sortedTimes, double minutes)
    {
        var index = sortedTimes.BinarySearch(minutes);
        if (index < 0)
        {
            return ~index;
        }

        while (index < sortedTimes.Count && sortedTimes[index] <= minutes)
        {
            index++;
        }

        return index;
    }

    private static T Quantile<T>(IReadOnlyList<T> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    private static string Age(TimeSpan age) => age.TotalMinutes < 60 ? $"{age.TotalMinutes:0} min" : $"{age.TotalHours:0.#} h";

    private static string? Value(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
