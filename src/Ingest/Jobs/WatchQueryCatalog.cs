using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;

namespace SocialWatch.Ingest.Jobs;

/// <summary>A watch query together with the source that polls it and the brand it is for.</summary>
public sealed record WatchQueryEntry(WatchQuery Query, IMentionSource Source, Brand Brand);

/// <summary>Every (brand, source query) pair the configured brands and the registered sources produce.</summary>
public sealed class WatchQueryCatalog(IEnumerable<IMentionSource> sources, IOptionsMonitor<BrandsOptions> brands)
{
    public IReadOnlyList<WatchQueryEntry> All()
    {
        var entries = new List<WatchQueryEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var brand in brands.CurrentValue.Brands)
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

    public WatchQueryEntry? Find(string queryKey) =>
        All().FirstOrDefault(e => string.Equals(e.Query.Key, queryKey, StringComparison.Ordinal));
}
