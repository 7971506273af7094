using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Reddit;

/// <summary>Brand mentions from Reddit search and from the brand's own subreddits (new posts and comments).</summary>
internal sealed class RedditMentionSource(RedditClient client, IOptions<RedditOptions> options) : IMentionSource, IEngagementSource
{
    private const string SearchPrefix = "search:";

    public string Name => RedditClient.SourceName;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public IReadOnlyList<WatchQuery> QueriesFor(Brand brand)
    {
        var queries = new List<WatchQuery>();
        var terms = brand.Keywords.Concat(brand.Handles)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => "\"" + t.Trim().TrimStart('@').Replace("\"", "", StringComparison.Ordinal) + "\"")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (terms.Count > 0)
        {
            var query = string.Join(" OR ", terms);
            if (terms.Count > 1)
            {
                query = "(" + query + ")";
            }

            foreach (var excluded in brand.ExcludedTerms.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                query += " NOT \"" + excluded.Trim().Replace("\"", "", StringComparison.Ordinal) + "\"";
            }

            queries.Add(new WatchQuery($"{brand.Name}:reddit:search", brand.Name, Name, SearchPrefix + query));
        }

        foreach (var subreddit in brand.Subreddits.Select(s => s.Trim().Replace("r/", "", StringComparison.OrdinalIgnoreCase)).Where(IsSubredditName).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            queries.Add(new WatchQuery($"{brand.Name}:reddit:r/{subreddit}:new", brand.Name, Name, $"r/{subreddit}/new"));
            queries.Add(new WatchQuery($"{brand.Name}:reddit:r/{subreddit}:comments", brand.Name, Name, $"r/{subreddit}/comments"));
        }

        return queries;
    }

    public async Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, CancellationToken cancellationToken)
    {
        var state = ParseCursor(query.Key, cursor);
        var limit = options.Value.PageSize;
        RedditListing listing;
        if (query.Query.StartsWith(SearchPrefix, StringComparison.Ordinal))
        {
            listing = await client.SearchAsync(query.Key, query.Query[SearchPrefix.Length..], limit, state.After, cancellationToken);
        }
        else
        {
            var parts = query.Query.Split('/');
            if (parts is not ["r", var subreddit, "new" or "comments"])
            {
                throw new InvalidOperationException($"{query.Key}: '{query.Query}' is not a Reddit listing query.");
            }

            listing = await client.SubredditAsync(query.Key, subreddit, parts[2], limit, state.After, cancellationToken);
        }

        var items = listing.Data!.Children!.Select(c => c.Data).OfType<RedditItem>().Where(i => i.Name is not null).ToList();
        var floor = FullnameOrder(state.Floor);
        var fresh = items.Where(i => floor is null || FullnameOrder(i.Name) > floor).ToList();
        var reachedFloor = floor is not null && fresh.Count < items.Count;
        var newestOnPage = items.MaxBy(i => FullnameOrder(i.Name))?.Name;
        var pending = state.Pending ?? newestOnPage;

        RedditCursor next;
        bool hasMore;
        if (floor is null || reachedFloor || listing.Data.After is null || items.Count == 0)
        {
            // The first poll of a query takes one page only: walking a whole listing down would re-read up to 1,000 old items.
            next = new RedditCursor { Floor = Newer(state.Floor, pending) };
            hasMore = false;
        }
        else
        {
            next = new RedditCursor { Floor = state.Floor, After = listing.Data.After, Pending = pending };
            hasMore = true;
        }

        var mentions = fresh.Where(i => !IsRemoved(i)).Select(i => ToMention(i, query.Brand)).ToList();
        return new MentionPage(mentions, JsonSerializer.Serialize(next, RedditJsonContext.Default.RedditCursor), hasMore, items.Count);
    }

    public async Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        var byFullname = mentions.GroupBy(m => m.Mention.ExternalId).ToDictionary(g => g.Key, g => g.First());
        var items = (await client.InfoAsync(byFullname.Keys.ToList(), cancellationToken))
            .Where(i => i.Name is not null)
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First());
        var updates = new List<EngagementUpdate>(byFullname.Count);
        foreach (var (fullname, mention) in byFullname)
        {
            // /api/info leaves out things that no longer exist; a removed or deleted one still comes, emptied.
            updates.Add(items.TryGetValue(fullname, out var item) && !IsRemoved(item)
                ? new EngagementUpdate(mention.Id, Metrics(item), Deleted: false)
                : new EngagementUpdate(mention.Id, mention.Mention.Metrics, Deleted: true));
        }

        return updates;
    }

    /// <summary>Reddit ids are base-36 counters, so a larger id is a newer thing of the same kind.</summary>
    internal static long? FullnameOrder(string? fullname)
    {
        if (string.IsNullOrEmpty(fullname))
        {
            return null;
        }

        var id = fullname.Contains('_', StringComparison.Ordinal) ? fullname[(fullname.IndexOf('_', StringComparison.Ordinal) + 1)..] : fullname;
        long value = 0;
        foreach (var c in id.ToLowerInvariant())
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : -1;
            if (digit < 0 || value > (long.MaxValue - digit) / 36)
            {
                throw new FormatException($"'{fullname}' is not a Reddit fullname.");
            }

            value = (value * 36) + digit;
        }

        return value;
    }

    private static string? Newer(string? a, string? b) => FullnameOrder(b) > FullnameOrder(a) || a is null ? b ?? a : a;

    private static bool IsSubredditName(string name) =>
        name.Length is >= 2 and <= 21 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsRemoved(RedditItem item) =>
        item.RemovedByCategory is not null
        || (item.Author == "[deleted]" && (item.Body ?? item.Selftext) is "[deleted]" or "[removed]")
        || item.Body is "[removed]";

    private static Mention ToMention(RedditItem item, string brand)
    {
        var isComment = item.Name!.StartsWith("t1_", StringComparison.Ordinal);
        var text = isComment
            ? item.Body ?? ""
            : string.IsNullOrWhiteSpace(item.Selftext) ? item.Title ?? "" : $"{item.Title}\n\n{item.Selftext}";
        return new Mention
        {
            Source = RedditClient.SourceName,
            ExternalId = item.Name!,
            Brand = brand,
            Text = text,
            Author = new MentionAuthor(item.AuthorFullname ?? "", item.Author ?? "", null, 0, false),
            Metrics = Metrics(item),
            Url = item.Permalink is null ? null : "https://www.reddit.com" + item.Permalink,
            Language = item.Lang,
            ConversationId = isComment ? item.LinkId : item.Name,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)((item.CreatedUtc ?? 0) * 1000)),
        };
    }

    private static EngagementMetrics Metrics(RedditItem item) =>
        new(Likes: Math.Max(0, item.Score ?? 0), Reposts: item.NumCrossposts ?? 0, Replies: item.NumComments ?? 0, Quotes: 0);

    private RedditCursor ParseCursor(string queryKey, string? cursor)
    {
        if (cursor is null)
        {
            return new RedditCursor();
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(cursor, RedditJsonContext.Default.RedditCursor) ?? new RedditCursor();
            _ = FullnameOrder(parsed.Floor);
            return parsed;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new SourceResponseException(Name, queryKey, string.Create(CultureInfo.InvariantCulture, $"the stored cursor is not a Reddit cursor: {ex.Message}"), ex);
        }
    }
}
