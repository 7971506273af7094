using System.Text;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Brands;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// The matcher for the directory's current brands, rebuilt only when what matching depends on changed: the directory
/// hands out a new set every few seconds, mostly equal to the last one.
/// </summary>
internal sealed class BrandMatcherCache(IBrandDirectory directory, ILogger<BrandMatcherCache> logger)
{
    private BrandSet? _set;
    private string? _fingerprint;
    private BrandMatcher _matcher = BrandMatcher.Empty;

    public async ValueTask<BrandMatcher> GetAsync(CancellationToken cancellationToken)
    {
        var set = await directory.GetAsync(cancellationToken);
        if (ReferenceEquals(set, _set))
        {
            return _matcher;
        }

        var fingerprint = Fingerprint(set.Brands);
        if (fingerprint != _fingerprint)
        {
            _matcher = BrandMatcher.Build(set.Brands);
            _fingerprint = fingerprint;
            IngestLog.StreamMatcherBuilt(logger, JetstreamEvents.SourceName, set.Brands.Count, _matcher.PatternCount);
        }

        _set = set;
        return _matcher;
    }

    // Filters are part of it too: the matcher hands its Brand objects to the normaliser, which applies them.
    private static string Fingerprint(IReadOnlyList<Brand> brands)
    {
        var builder = new StringBuilder();
        foreach (var brand in brands)
        {
            builder.Append(brand.Name).Append('\u0001');
            foreach (var list in new[] { brand.Handles, brand.Keywords, brand.ExcludedTerms, brand.Languages })
            {
                foreach (var item in list)
                {
                    builder.Append(item).Append('\u0002');
                }

                builder.Append('\u0003');
            }
        }

        return builder.ToString();
    }
}
