using System.Collections.Concurrent;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// What a brand's reads cost on the sources that bill per post: before a query pulls, a count of what it matches a day
/// at the network's recent volume (X counts, billed per request, not per post); after, the month's spend forecast from
/// the last seven days of reads. For the admin brand page.
/// </summary>
public sealed class ReadSpendForecaster(IEnumerable<IMentionSource> sources, IIngestStateStore state, VolumeChecks checks, TimeProvider time)
{
    private IEnumerable<IBudgetedSource> Budgeted => sources.OfType<IBudgetedSource>().DistinctBy(s => s.Name, StringComparer.Ordinal);

    /// <summary>Counts the brand's query on every budgeted source it has one on, and keeps the answer to show; a failure is kept as its message.</summary>
    public async Task<IReadOnlyList<VolumeCheck>> CountAsync(Brand brand, CancellationToken cancellationToken)
    {
        var results = new List<VolumeCheck>();
        foreach (var source in Budgeted)
        {
            VolumeCheck check;
            try
            {
                var volume = await source.CountDailyVolumeAsync(brand, cancellationToken);
                if (volume is null)
                {
                    checks.Forget(source.Name, brand.Name);
                    continue;
                }

                check = new VolumeCheck(source.Name, brand.Name, time.GetUtcNow(), volume, (decimal)volume.PostsPerDay * source.CostPerRead, null);
            }
            catch (Exception ex) when (ex is SourceResponseException or RateLimitedException or UsageCapExceededException or HttpRequestException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                check = new VolumeCheck(source.Name, brand.Name, time.GetUtcNow(), null, 0, ex.Message);
            }

            checks.Keep(check);
            results.Add(check);
        }

        return results;
    }

    /// <summary>One row per budgeted source the brand is read from: the day's and month's reads and the month's forecast.</summary>
    public async Task<IReadOnlyList<SpendForecast>> ForecastAsync(Brand brand, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var nextMonth = new DateTimeOffset(monthStart.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var daysLeft = (decimal)(nextMonth - now).TotalDays;
        var forecasts = new List<SpendForecast>();
        foreach (var source in Budgeted.Where(s => s is IMentionSource m && m.QueriesFor(brand).Count > 0))
        {
            var readsToday = await state.GetReadsAsync(source.Name, brand.Name, today, cancellationToken);
            var lastWeek = await state.GetReadsBetweenAsync(source.Name, brand.Name, today.AddDays(-7), today.AddDays(-1), cancellationToken);
            var monthToDate = await state.GetReadsBetweenAsync(source.Name, brand.Name, monthStart, today, cancellationToken);

            // The rest of the month at the last seven full days' rate, on top of what is spent already.
            var forecastReads = monthToDate + (lastWeek / 7m * daysLeft);
            forecasts.Add(new SpendForecast(
                source.Name,
                source.DailyReadBudget,
                source.CostPerRead,
                readsToday,
                lastWeek,
                monthToDate,
                monthToDate * source.CostPerRead,
                decimal.Round(forecastReads * source.CostPerRead, 2),
                checks.Find(source.Name, brand.Name)));
        }

        return forecasts;
    }
}

/// <summary>The last count of each brand's query per source, kept by the host that made it until it is made again.</summary>
public sealed class VolumeChecks
{
    private readonly ConcurrentDictionary<(string Source, string Brand), VolumeCheck> _checks = new();

    public void Keep(VolumeCheck check) => _checks[(check.Source, check.Brand)] = check;

    public void Forget(string source, string brand) => _checks.TryRemove((source, brand), out _);

    public VolumeCheck? Find(string source, string brand) => _checks.GetValueOrDefault((source, brand));
}

/// <param name="Volume">Null when the count failed; <paramref name="Error"/> says why.</param>
/// <param name="CostPerDay">What reading every matched post would cost a day, in US dollars.</param>
public sealed record VolumeCheck(string Source, string Brand, DateTimeOffset CheckedAt, DailyVolume? Volume, decimal CostPerDay, string? Error);

/// <param name="ReadsLast7Days">Reads over the seven full UTC days before today.</param>
/// <param name="MonthToDate">Spend of the month so far, today included, in US dollars.</param>
/// <param name="MonthForecast">The month's spend if the rest of it reads at the last seven days' rate.</param>
/// <param name="LastCount">The last count of the query, if this host made one.</param>
public sealed record SpendForecast(
    string Source,
    long? DailyBudget,
    decimal CostPerRead,
    long ReadsToday,
    long ReadsLast7Days,
    long ReadsMonthToDate,
    decimal MonthToDate,
    decimal MonthForecast,
    VolumeCheck? LastCount);
