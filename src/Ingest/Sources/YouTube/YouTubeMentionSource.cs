using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Sources.YouTube;

/// <summary>
/// Comments on a brand's YouTube channels and their videos: one query per channel, read newest first through
/// <c>commentThreads.list?allThreadsRelatedToChannelId=</c>, each thread's top comment and the replies it carries
/// stored as mentions of their own. A poll pages back until it reaches the newest thread of the previous poll.
/// </summary>
internal sealed class YouTubeMentionSource(YouTubeClient client, YouTubeQuota quota, IOptions<YouTubeOptions> options, TimeProvider time)
    : IMentionSource, IQuotaSource
{
    public string Name => YouTubeClient.SourceName;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public long DailyQuotaBudget => quota.DailyBudget;

    public Task<long> QuotaUsedTodayAsync(CancellationToken cancellationToken) => quota.UsedTodayAsync(cancellationToken);

    public IReadOnlyList<WatchQuery> QueriesFor(Brand brand) =>
        brand.YouTubeChannels
            .Select(c => c.Trim())
            .Where(BrandValidation.IsYouTubeChannelId)
            .Distinct(StringComparer.Ordinal)
            .Select(channel => new WatchQuery($"{brand.Name}:youtube:{channel}", brand.Name, Name, channel))
            .ToList();

    public async Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, CancellationToken cancellationToken)
    {
        var state = ParseCursor(query.Key, cursor);
        var firstPoll = state.SincePublishedAt is null && state.SinceId is null;
        var floor = firstPoll ? state.Floor ?? time.GetUtcNow() - options.Value.InitialLookback : (DateTimeOffset?)null;

        var page = await client.CommentThreadsAsync(query.Key, query.Query, state.PageToken, cancellationToken);
        var mentions = new List<Mention>();
        DateTimeOffset? newestAt = null;
        string? newestId = null;
        var reachedKnown = false;
        foreach (var thread in page.Items!)
        {
            var top = thread.Snippet?.TopLevelComment;
            var publishedAt = top?.Snippet?.PublishedAt;
            if (top?.Id is null || publishedAt is null)
            {
                throw new SourceResponseException(Name, query.Key, $"thread '{thread.Id}' has no top-level comment with an id and publishedAt");
            }

            // Newest first: the first thread at or before what the last poll (or the first poll's look-back) reached ends this poll.
            if (top.Id == state.SinceId || publishedAt < state.SincePublishedAt || publishedAt < floor)
            {
                reachedKnown = true;
                break;
            }

            if (newestAt is null || publishedAt > newestAt)
            {
                (newestAt, newestId) = (publishedAt, top.Id);
            }

            mentions.Add(ToMention(top, thread, conversationId: top.Id, query.Brand));
            foreach (var reply in thread.Replies?.Comments ?? [])
            {
                if (reply.Id is null || reply.Snippet is null)
                {
                    throw new SourceResponseException(Name, query.Key, $"a reply in thread '{thread.Id}' has no id or snippet");
                }

                mentions.Add(ToMention(reply, thread, conversationId: top.Id, query.Brand));
            }
        }

        var pendingAt = state.PendingPublishedAt ?? newestAt;
        var pendingId = state.PendingId ?? newestId;
        YouTubeCursor next;
        bool hasMore;
        if (!reachedKnown && !string.IsNullOrEmpty(page.NextPageToken))
        {
            next = new YouTubeCursor
            {
                SincePublishedAt = state.SincePublishedAt,
                SinceId = state.SinceId,
                PageToken = page.NextPageToken,
                PendingPublishedAt = pendingAt,
                PendingId = pendingId,
                Floor = floor,
            };
            hasMore = true;
        }
        else
        {
            next = pendingAt is null
                ? new YouTubeCursor { SincePublishedAt = state.SincePublishedAt, SinceId = state.SinceId }
                : new YouTubeCursor { SincePublishedAt = pendingAt, SinceId = pendingId };

            // A first poll that found nothing in its look-back keeps its floor, so the next one does not read older comments.
            if (next.SincePublishedAt is null)
            {
                next.Floor = floor;
            }

            hasMore = false;
        }

        // One page, one quota unit: the job counts it per brand beside the all-brands count the client keeps.
        return new MentionPage(mentions, JsonSerializer.Serialize(next, YouTubeJsonContext.Default.YouTubeCursor), hasMore, Reads: 1);
    }

    private Mention ToMention(YouTubeComment comment, YouTubeThread thread, string conversationId, string brand)
    {
        var snippet = comment.Snippet!;
        var videoId = snippet.VideoId ?? thread.Snippet?.VideoId;
        var channelId = snippet.ChannelId ?? thread.Snippet?.ChannelId;
        var url = videoId is not null
            ? $"https://www.youtube.com/watch?v={Uri.EscapeDataString(videoId)}&lc={Uri.EscapeDataString(comment.Id!)}"
            : channelId is not null ? $"https://www.youtube.com/channel/{Uri.EscapeDataString(channelId)}" : null;
        var isTop = snippet.ParentId is null && comment.Id == conversationId;
        var displayName = snippet.AuthorDisplayName;
        return new Mention
        {
            Source = Name,
            ExternalId = comment.Id!,
            Brand = brand,

            // The author's own text; textDisplay is HTML by default and is never stored.
            Text = snippet.TextOriginal ?? snippet.TextDisplay ?? "",
            Author = new MentionAuthor(snippet.AuthorChannelId?.Value ?? "", displayName?.TrimStart('@') ?? "", displayName, 0, false),
            Metrics = new EngagementMetrics(snippet.LikeCount ?? 0, 0, isTop ? thread.Snippet?.TotalReplyCount ?? 0 : 0, 0),
            Url = url,
            ConversationId = conversationId,
            CreatedAt = snippet.PublishedAt ?? time.GetUtcNow(),
        };
    }

    private YouTubeCursor ParseCursor(string queryKey, string? cursor)
    {
        if (cursor is null)
        {
            return new YouTubeCursor();
        }

        try
        {
            return JsonSerializer.Deserialize(cursor, YouTubeJsonContext.Default.YouTubeCursor) ?? new YouTubeCursor();
        }
        catch (JsonException ex)
        {
            throw new SourceResponseException(Name, queryKey, $"the stored cursor is not a YouTube cursor: {ex.Message}", ex);
        }
    }
}
