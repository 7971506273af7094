using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Sources.X;

/// <summary>Brand mentions from X recent search, and their engagement from post lookup.</summary>
internal sealed class XMentionSource(XClient client, IOptions<XOptions> options, TimeProvider time)
    : IMentionSource, IEngagementSource, IBudgetedSource
{
    public string Name => XClient.SourceName;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public long? DailyReadBudget => options.Value.DailyReadBudgetPerBrand;

    public decimal CostPerRead => options.Value.CostPerRead;

    /// <summary>Recent search takes max_results from 10.</summary>
    public int MinimumPage => 10;

    public IReadOnlyList<WatchQuery> QueriesFor(Brand brand)
    {
        var query = BuildQuery(brand);
        return query is null ? [] : [new WatchQuery($"{brand.Name}:x:search", brand.Name, Name, query)];
    }

    /// <summary>
    /// X search syntax: any handle or keyword, minus excluded terms, no reposts, in the brand's languages.
    /// Null when the brand has nothing to search for.
    /// </summary>
    public static string? BuildQuery(Brand brand)
    {
        var terms = brand.Handles.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => "@" + h.Trim().TrimStart('@'))
            .Concat(brand.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Quote))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        var query = new StringBuilder();
        query.Append(terms.Count == 1 ? terms[0] : "(" + string.Join(" OR ", terms) + ")");
        foreach (var excluded in brand.ExcludedTerms.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            query.Append(" -").Append(Quote(excluded));
        }

        query.Append(" -is:retweet");
        var languages = brand.Languages.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => "lang:" + l.Trim().ToLowerInvariant()).ToList();
        if (languages.Count == 1)
        {
            query.Append(' ').Append(languages[0]);
        }
        else if (languages.Count > 1)
        {
            query.Append(" (").Append(string.Join(" OR ", languages)).Append(')');
        }

        return query.ToString();
    }

    /// <summary>A phrase in double quotes when it has spaces or operators; quotes inside are dropped, they cannot be escaped.</summary>
    private static string Quote(string term)
    {
        var cleaned = term.Trim().Replace("\"", "", StringComparison.Ordinal);
        return cleaned.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or ':' or '-' or '#' or '@' or '$')
            ? "\"" + cleaned + "\""
            : cleaned;
    }

    public Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, CancellationToken cancellationToken) =>
        FetchAsync(query, cursor, options.Value.MaxResults, cancellationToken);

    public async Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, int maxReads, CancellationToken cancellationToken)
    {
        var state = ParseCursor(query.Key, cursor);
        var firstPoll = state.SinceId is null && state.NextToken is null;
        var startTime = firstPoll ? time.GetUtcNow() - options.Value.InitialLookback : state.StartTime;

        var response = await client.SearchRecentAsync(query.Key, query.Query, state.SinceId, state.NextToken, startTime, Math.Clamp(maxReads, MinimumPage, options.Value.MaxResults), cancellationToken);
        var meta = response.Meta!;
        var newest = state.PendingNewestId ?? meta.NewestId;
        XCursor next;
        bool hasMore;
        if (!string.IsNullOrEmpty(meta.NextToken))
        {
            next = new XCursor { SinceId = state.SinceId, NextToken = meta.NextToken, PendingNewestId = newest, StartTime = startTime };
            hasMore = true;
        }
        else
        {
            next = new XCursor { SinceId = newest ?? state.SinceId };
            hasMore = false;
        }

        var posts = response.Data ?? [];
        var users = (response.Includes?.Users ?? [])
            .Where(u => u.Id is not null)
            .GroupBy(u => u.Id!)
            .ToDictionary(g => g.Key, g => g.First());
        var mentions = new List<Mention>(posts.Count);
        foreach (var post in posts)
        {
            if (post.Id is null || post.Text is null)
            {
                throw new SourceResponseException(Name, query.Key, "a post in \"data\" has no id or text");
            }

            // Reposts carry no words of their own; the query excludes them, this catches any that slip through.
            if (post.References.Any(r => r.Type is "retweeted" or "reposted"))
            {
                continue;
            }

            mentions.Add(ToMention(post, users, query.Brand));
        }

        return new MentionPage(mentions, JsonSerializer.Serialize(next, XJsonContext.Default.XCursor), hasMore, posts.Count);
    }

    public async Task<DailyVolume?> CountDailyVolumeAsync(Brand brand, CancellationToken cancellationToken)
    {
        var query = BuildQuery(brand);
        if (query is null)
        {
            return null;
        }

        var response = await client.CountRecentAsync($"{brand.Name}:x:counts", query, cancellationToken);
        long posts = 0;
        var span = TimeSpan.Zero;
        foreach (var bucket in response.Data!)
        {
            if (bucket.Start is not { } start || bucket.End is not { } end || end < start)
            {
                throw new SourceResponseException(Name, $"{brand.Name}:x:counts", "a count bucket has no start and end");
            }

            // The first and last buckets are part days; the rate is the posts over the time actually covered.
            posts += bucket.TweetCount ?? bucket.PostCount ?? 0;
            span += end - start;
        }

        return new DailyVolume(query, posts, span);
    }

    public async Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        var byExternalId = mentions.GroupBy(m => m.Mention.ExternalId).ToDictionary(g => g.Key, g => g.First());
        var response = await client.LookupAsync(byExternalId.Keys.ToList(), cancellationToken);
        var updates = new List<EngagementUpdate>();
        foreach (var post in response.Data ?? [])
        {
            if (post.Id is not null && byExternalId.TryGetValue(post.Id, out var mention))
            {
                updates.Add(new EngagementUpdate(mention.Id, Metrics(post.PublicMetrics), Deleted: false));
            }
        }

        foreach (var problem in response.Errors ?? [])
        {
            var id = problem.ResourceId ?? problem.Value;
            var notFound = problem.Type?.EndsWith("/resource-not-found", StringComparison.Ordinal) == true
                || string.Equals(problem.Title, "Not Found Error", StringComparison.Ordinal);
            if (notFound && id is not null && byExternalId.TryGetValue(id, out var mention))
            {
                updates.Add(new EngagementUpdate(mention.Id, mention.Mention.Metrics, Deleted: true));
            }
        }

        return updates;
    }

    private Mention ToMention(XPost post, Dictionary<string, XUser> users, string brand)
    {
        var user = post.AuthorId is not null && users.TryGetValue(post.AuthorId, out var found) ? found : null;
        var author = user is null
            ? new MentionAuthor(post.AuthorId ?? "", "", null, 0, false)
            : new MentionAuthor(user.Id!, user.Username ?? "", user.Name, user.PublicMetrics?.FollowersCount ?? 0, user.Verified ?? false);
        var handle = author.Handle.Length > 0 ? author.Handle : "i/web";
        return new Mention
        {
            Source = Name,
            ExternalId = post.Id!,

            // X escapes &, < and > in post text; stored text is the author's own, encoded again wherever shown.
            Text = WebUtility.HtmlDecode(post.Text!),
            Brand = brand,
            Author = author,
            Metrics = Metrics(post.PublicMetrics),
            Url = $"https://x.com/{Uri.EscapeDataString(handle).Replace("%2F", "/", StringComparison.Ordinal)}/status/{Uri.EscapeDataString(post.Id!)}",
            Language = post.Lang,
            ConversationId = post.ConversationId,
            CreatedAt = post.CreatedAt ?? time.GetUtcNow(),
        };
    }

    private static EngagementMetrics Metrics(XPublicMetrics? metrics) => metrics is null
        ? default
        : new EngagementMetrics(
            metrics.LikeCount ?? 0,
            metrics.RepostCount ?? metrics.RetweetCount ?? 0,
            metrics.ReplyCount ?? 0,
            metrics.QuoteCount ?? 0);

    private XCursor ParseCursor(string queryKey, string? cursor)
    {
        if (cursor is null)
        {
            return new XCursor();
        }

        try
        {
            return JsonSerializer.Deserialize(cursor, XJsonContext.Default.XCursor) ?? new XCursor();
        }
        catch (JsonException ex)
        {
            throw new SourceResponseException(Name, queryKey, $"the stored cursor is not an X cursor: {ex.Message}", ex);
        }
    }
}
