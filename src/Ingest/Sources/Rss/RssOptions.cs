using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.Rss;

/// <summary>RSS 2.0 and Atom feeds (review sites, news alerts), each configured for one brand.</summary>
public sealed class RssOptions : SourceOptions, IValidatableObject
{
    public const string SectionName = "Sources:Rss";

    public RssOptions()
    {
        PollInterval = TimeSpan.FromMinutes(10);

        // A feed is a list of recent items, not an archive.
        MaxResponseBytes = 5 * 1024 * 1024;
    }

    public List<RssFeedOptions> Feeds { get; set; } = [];

    /// <summary>Item ids remembered per feed so that an item is scored once even if the feed keeps it for weeks.</summary>
    [Range(10, 10_000)]
    public int RememberedItems { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Feeds.Count; i++)
        {
            var feed = Feeds[i];
            if (string.IsNullOrWhiteSpace(feed.Brand) || string.IsNullOrWhiteSpace(feed.Name))
            {
                yield return new ValidationResult($"{SectionName}:Feeds:{i} needs a Brand and a Name.");
            }
            else if (!names.Add(feed.Brand + ":" + feed.Name))
            {
                yield return new ValidationResult($"{SectionName}:Feeds:{i}: brand '{feed.Brand}' has two feeds named '{feed.Name}'.");
            }

            if (feed.Url is null || !feed.Url.IsAbsoluteUri || (feed.Url.Scheme != Uri.UriSchemeHttps && feed.Url.Scheme != Uri.UriSchemeHttp))
            {
                yield return new ValidationResult($"{SectionName}:Feeds:{i}:Url must be an absolute http(s) URL.");
            }
        }
    }
}

public sealed class RssFeedOptions
{
    /// <summary>Name of the brand the feed's items are mentions of.</summary>
    public string Brand { get; set; } = "";

    /// <summary>Short name, part of the query key ("trustpilot", "news-alert").</summary>
    public string Name { get; set; } = "";

    public Uri? Url { get; set; }
}
