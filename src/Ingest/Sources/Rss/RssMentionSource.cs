using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Rss;

/// <summary>
/// Items of a brand's feeds, one watch query per feed: those under <c>Sources:Rss:Feeds</c> naming the brand, then the
/// brand's own. A brand feed with the name of a configured one is left out (both would share one cursor).
/// </summary>
internal sealed class RssMentionSource(RssClient client, IOptions<RssOptions> options, TimeProvider time) : IMentionSource
{
    public string Name => RssClient.SourceName;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public IReadOnlyList<WatchQuery> QueriesFor(Brand brand) =>
        options.Value.Feeds
            .Where(f => string.Equals(f.Brand, brand.Name, StringComparison.OrdinalIgnoreCase) && f.Url is not null)
            .Select(f => (f.Name, Url: f.Url!))
            .Concat(brand.Feeds.Where(f => !string.IsNullOrWhiteSpace(f.Name) && BrandValidation.IsHttpUrl(f.Url)).Select(f => (f.Name, Url: f.Url!)))
            .DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Select(f => new WatchQuery($"{brand.Name}:rss:{f.Name}", brand.Name, Name, f.Url.AbsoluteUri))
            .ToList();

    public async Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, CancellationToken cancellationToken)
    {
        RssCursor state;
        try
        {
            state = cursor is null ? new RssCursor() : JsonSerializer.Deserialize(cursor, RssJsonContext.Default.RssCursor) ?? new RssCursor();
        }
        catch (JsonException ex)
        {
            throw new SourceResponseException(Name, query.Key, $"the stored cursor is not a feed cursor: {ex.Message}", ex);
        }

        var items = await client.ReadAsync(query.Key, new Uri(query.Query), cancellationToken);
        var seen = state.Seen.ToHashSet(StringComparer.Ordinal);
        var mentions = items
            .Where(i => !seen.Contains(i.Id))
            .DistinctBy(i => i.Id)
            .Select(i => ToMention(i, query.Brand))
            .ToList();

        // The feed's current ids first, then older remembered ones, so the newest survive the cap.
        var remembered = items.Select(i => i.Id).Concat(state.Seen).Distinct(StringComparer.Ordinal).Take(options.Value.RememberedItems).ToList();
        var next = JsonSerializer.Serialize(new RssCursor { Seen = remembered }, RssJsonContext.Default.RssCursor);
        return new MentionPage(mentions, next, HasMore: false, items.Count);
    }

    private Mention ToMention(FeedItem item, string brand) => new()
    {
        Source = Name,
        ExternalId = item.Id,
        Brand = brand,
        Text = item.Summary.Length == 0 ? item.Title : item.Title.Length == 0 ? item.Summary : $"{item.Title}\n\n{item.Summary}",
        Author = item.Author is null ? MentionAuthor.Unknown : new MentionAuthor(item.Author, item.Author, item.Author, 0, false),
        Url = item.Link,
        Language = item.Language,
        CreatedAt = item.Published ?? time.GetUtcNow(),
    };
}
