using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;

namespace SocialWatch.Storage;

public sealed class BrandDirectoryOptions
{
    public const string SectionName = "BrandDirectory";

    /// <summary>
    /// How old the copy in memory may get before the next read goes to the database again. A change made on this host
    /// shows at once; one made on another host shows within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The configured brands (<see cref="BrandsOptions"/>, read-only) followed by the stored ones. A stored brand whose name a
/// configured brand has is left out (<see cref="BrandSet.Shadowed"/>): configuration wins, as it did before brands
/// could be stored. Reads are served from memory; the push endpoint and every poll ask, so the database is read at
/// most once per <see cref="BrandDirectoryOptions.RefreshAfter"/>, after a change on this host, or after the
/// configuration reloads.
/// </summary>
public sealed class BrandDirectory : IBrandDirectory, IDisposable
{
    private readonly IOptionsMonitor<BrandsOptions> _configured;
    private readonly IBrandStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshAfter;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;
    private long _generation;

    public BrandDirectory(IOptionsMonitor<BrandsOptions> configured, IBrandStore store, TimeProvider time, IOptions<BrandDirectoryOptions> options)
    {
        _configured = configured;
        _store = store;
        _time = time;
        _refreshAfter = options.Value.RefreshAfter;
    }

    public ValueTask<BrandSet> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return IsFresh(snapshot) ? ValueTask.FromResult(snapshot!.Set) : new ValueTask<BrandSet>(LoadAsync(cancellationToken));
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _loading.Dispose();

    /// <summary>Merges configured and stored brands; configured ones first, in their configured order.</summary>
    public static BrandSet Merge(IReadOnlyList<Brand> configured, IReadOnlyList<StoredBrand> stored)
    {
        var entries = new List<BrandEntry>(configured.Count + stored.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var brand in configured)
        {
            if (names.Add(brand.Name))
            {
                entries.Add(new BrandEntry(brand, null));
            }
        }

        var shadowed = new List<StoredBrand>();
        foreach (var brand in stored)
        {
            if (names.Add(brand.Brand.Name))
            {
                entries.Add(new BrandEntry(brand.Brand, brand));
            }
            else
            {
                shadowed.Add(brand);
            }
        }

        return new BrandSet(entries, shadowed);
    }

    // A reload of the configuration gives the monitor a new options instance; the copy built on the old one is stale.
    // Asking the monitor (not listening to it) keeps an invalid reload out of the reload itself: the next read fails.
    private bool IsFresh(Snapshot? snapshot) =>
        snapshot is not null
        && ReferenceEquals(snapshot.Configured, _configured.CurrentValue)
        && snapshot.Generation == Interlocked.Read(ref _generation)
        && _time.GetUtcNow() - snapshot.LoadedAt < _refreshAfter;

    private async Task<BrandSet> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have loaded while this one waited.
            var snapshot = Volatile.Read(ref _snapshot);
            if (IsFresh(snapshot))
            {
                return snapshot!.Set;
            }

            // Taken before reading: a change that lands during the read leaves this copy stale, and the next call reloads.
            var generation = Interlocked.Read(ref _generation);
            var loadedAt = _time.GetUtcNow();
            var configured = _configured.CurrentValue;
            var stored = await _store.ListAsync(cancellationToken);
            var set = Merge(configured.Brands, stored);
            Volatile.Write(ref _snapshot, new Snapshot(set, configured, generation, loadedAt));
            return set;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(BrandSet Set, BrandsOptions Configured, long Generation, DateTimeOffset LoadedAt);
}
