using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;

namespace SocialWatch.Ingest.Jobs;

/// <summary>A watch query together with the source that polls it and the brand it is for.</summary>
public sealed record WatchQueryEntry(WatchQuery Query, IMentionSource Source, Brand Brand);

/// <summary>Every (brand, source query) pair the brand directory and the registered sources produce.</summary>
public sealed class WatchQueryCatalog(IEnumerable<IMentionSource> sources, IBrandDirectory brands)
{
    public async Task<IReadOnlyList<WatchQueryEntry>> AllAsync(CancellationToken cancellationToken) =>
        For((await brands.GetAsync(cancellationToken)).Brands);

    /// <summary>The queries the registered sources produce for these brands (also for one brand, to show an admin).</summary>
    public IReadOnlyList<WatchQueryEntry> For(IEnumerable<Brand> brandList)
    {
        var entries = new List<WatchQueryEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var brand in brandList)
        {
            foreach (var source in sources)
            {
                foreach (var query in source.QueriesFor(brand))
                {
                    if (!keys.Add(query.Key))
                    {
                        throw new InvalidOperationException($"Two watch queries share the key '{query.Key}'; each needs its own cursor.");
                    }

                    entries.Add(new WatchQueryEntry(query, source, brand));
                }
            }
        }

        return entries;
    }

    public async Task<WatchQueryEntry?> FindAsync(string queryKey, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(e => string.Equals(e.Query.Key, queryKey, StringComparison.Ordinal));
}
