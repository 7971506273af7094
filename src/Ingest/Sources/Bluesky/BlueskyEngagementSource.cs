using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// Re-reads watched posts' like, repost, reply and quote counts through <c>app.bsky.feed.getPosts</c>, 25 a request.
/// A post the AppView leaves out of its answer was deleted (or taken down) and is reported so, to be redacted.
/// </summary>
internal sealed class BlueskyEngagementSource(BlueskyAppViewClient client) : IEngagementSource
{
    public string Name => JetstreamEvents.SourceName;

    public async Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        // Only ids this source wrote are sent: a stored id is an at:// URI of a post with a checked DID and record key.
        var known = mentions.Where(m => IsPostUri(m.Mention.ExternalId)).ToList();
        var updates = new List<EngagementUpdate>(known.Count);
        foreach (var chunk in known.Chunk(BlueskyAppViewClient.MaxBatch))
        {
            var posts = await client.GetPostsAsync([.. chunk.Select(m => m.Mention.ExternalId).Distinct(StringComparer.Ordinal)], cancellationToken);
            var byUri = new Dictionary<string, AppViewPost>(StringComparer.Ordinal);
            foreach (var post in posts)
            {
                if (post.Uri is { } uri)
                {
                    byUri.TryAdd(uri, post);
                }
            }

            foreach (var mention in chunk)
            {
                updates.Add(byUri.TryGetValue(mention.Mention.ExternalId, out var post)
                    ? new EngagementUpdate(mention.Id, new EngagementMetrics(post.LikeCount ?? 0, post.RepostCount ?? 0, post.ReplyCount ?? 0, post.QuoteCount ?? 0), Deleted: false)
                    : new EngagementUpdate(mention.Id, mention.Mention.Metrics, Deleted: true));
            }
        }

        return updates;
    }

    internal static bool IsPostUri(string externalId)
    {
        const string prefix = "at://";
        const string collection = "/" + JetstreamEvents.PostCollection + "/";
        if (!externalId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var at = externalId.IndexOf(collection, StringComparison.Ordinal);
        return at > prefix.Length
            && JetstreamEvents.IsDid(externalId[prefix.Length..at])
            && JetstreamEvents.IsRecordKey(externalId[(at + collection.Length)..]);
    }
}
