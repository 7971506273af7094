using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Watch;

/// <summary>What a brand's watch list costs, per source: for the admin brand page.</summary>
public sealed class WatchCostEstimator(
    IEnumerable<IMentionSource> mentionSources,
    IEnumerable<IEngagementSource> engagementSources,
    IWatchListStore watchList,
    IIngestStateStore state,
    WatchCadence cadence,
    TimeProvider time)
{
    /// <summary>
    /// One row per source the brand is read from or has watched mentions of. Reads per day are the refreshes the
    /// watched entries get over the next 24 hours at the cadence if none of them grows (growth tightens it).
    /// </summary>
    public async Task<IReadOnlyList<WatchCost>> EstimateAsync(Brand brand, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var lookups = engagementSources.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entries = await watchList.GetCadencesAsync(brand.Name, now, cancellationToken);
        var names = mentionSources.Where(s => s.QueriesFor(brand).Count > 0).Select(s => s.Name)
            .Concat(entries.Select(e => e.Source))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var quotas = mentionSources.OfType<IQuotaSource>().Cast<IMentionSource>().GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IQuotaSource)g.First(), StringComparer.Ordinal);
        var costs = new List<WatchCost>();
        foreach (var name in names)
        {
            var watched = entries.Where(e => e.Source == name).ToList();
            var quota = quotas.TryGetValue(name, out var quotaSource)
                ? new QuotaUse(
                    await state.GetReadsAsync(name, brand.Name, day, cancellationToken),
                    await quotaSource.QuotaUsedTodayAsync(cancellationToken),
                    quotaSource.DailyQuotaBudget)
                : null;
            if (!lookups.TryGetValue(name, out var lookup))
            {
                costs.Add(new WatchCost(name, HasLookup: false, watched.Count, 0, 0, null, quota));
                continue;
            }

            var readsPerDay = watched.Sum(e => cadence.RefreshesBetween(e.CadenceFrom, e.NextDueAt, e.WatchUntil, now, now + TimeSpan.FromDays(1)));
            var budget = (lookup as IBudgetedSource)?.DailyReadBudget;
            var usedToday = lookup is IBudgetedSource ? await state.GetReadsAsync(name, brand.Name, day, cancellationToken) : 0;
            costs.Add(new WatchCost(name, HasLookup: true, watched.Count, readsPerDay, usedToday, budget, quota));
        }

        return costs;
    }
}

/// <param name="HasLookup">False for a source that cannot re-read a post: its entries are not refreshed.</param>
/// <param name="ReadsPerDay">Lookups the watched entries cost over the next 24 h at the cadence.</param>
/// <param name="ReadsToday">Posts read from the source for the brand today (polls and refreshes); 0 where reads are not billed.</param>
/// <param name="DailyBudget">The brand's daily read budget on the source; null when it has none.</param>
/// <param name="Quota">Today's use of a daily quota every brand shares (YouTube); null for a source without one.</param>
public sealed record WatchCost(string Source, bool HasLookup, int Watched, long ReadsPerDay, long ReadsToday, long? DailyBudget, QuotaUse? Quota = null);

/// <summary>Quota units spent today (UTC) by one brand's polls and by every brand together, against the daily budget they share.</summary>
public sealed record QuotaUse(long BrandToday, long AllBrandsToday, long DailyBudget);
