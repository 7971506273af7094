using SocialWatch.Alerts.Spikes;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Spikes;

namespace SocialWatch.Alerts.Tests.Spikes;

/// <summary>Hourly mention counts of one brand, generated from a seeded random source, served as a spike data source.</summary>
internal sealed class SyntheticMentionSeries(string brand) : ISpikeDataSource, IBrandDirectory
{
    private readonly Dictionary<DateTimeOffset, (long Total, long Negative)> _hours = [];

    public void Set(DateTimeOffset hour, long total, long negative) => _hours[hour] = (total, negative);

    public (long Total, long Negative) Get(DateTimeOffset hour) => _hours.GetValueOrDefault(hour);

    /// <summary>Fills [from, to) hour by hour with Poisson counts around a rate that may depend on the hour.</summary>
    public void Fill(DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, double> rate, double negativeShare, Random random)
    {
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            var total = Poisson(rate(hour), random);
            long negative = 0;
            for (var i = 0; i < total; i++)
            {
                negative += random.NextDouble() < negativeShare ? 1 : 0;
            }

            _hours[hour] = (total, negative);
        }
    }

    public ValueTask<BrandSet> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new BrandSet([new BrandEntry(new Brand { Name = brand }, null)]));

    public void Invalidate()
    {
    }

    public Task<IReadOnlyList<WindowCount>> CountAsync(string brandName, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> windows, CancellationToken cancellationToken)
    {
        IReadOnlyList<WindowCount> counts = [.. windows.Select(w =>
        {
            var inside = _hours.Where(h => h.Key >= w.From && h.Key < w.To).Select(h => h.Value).ToList();
            return new WindowCount(w.From, w.To, inside.Sum(x => x.Total), inside.Sum(x => x.Negative));
        })];
        return Task.FromResult(counts);
    }

    /// <summary>Knuth's method for small rates, a rounded normal approximation above 50.</summary>
    private static long Poisson(double lambda, Random random)
    {
        if (lambda > 50)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return Math.Max(0, (long)Math.Round(lambda + Math.Sqrt(lambda) * normal));
        }

        var limit = Math.Exp(-lambda);
        long k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
