using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.YouTube;

/// <summary>
/// The watch list's re-reads of YouTube comments: top comments through <c>commentThreads.list?id=</c> (likes and the
/// thread's reply count), replies through <c>comments.list?id=</c> (likes), 50 ids a call, one quota unit each from
/// the same daily budget as the polls. A comment YouTube no longer returns is reported deleted.
/// </summary>
internal sealed class YouTubeEngagementSource(YouTubeClient client) : IEngagementSource
{
    public string Name => YouTubeClient.SourceName;

    public async Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        var byExternalId = mentions.GroupBy(m => m.Mention.ExternalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var topIds = byExternalId.Values.Where(IsTopComment).Select(m => m.Mention.ExternalId).ToList();
        var replyIds = byExternalId.Keys.Except(topIds, StringComparer.Ordinal).ToList();
        var updates = new List<EngagementUpdate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in topIds.Chunk(YouTubeClient.LookupBatch))
        {
            var threads = await client.ThreadsByIdAsync(chunk, cancellationToken);
            foreach (var thread in threads.Items!)
            {
                var top = thread.Snippet?.TopLevelComment;
                var id = top?.Id ?? thread.Id;
                if (id is not null && byExternalId.TryGetValue(id, out var mention) && seen.Add(id))
                {
                    var metrics = new EngagementMetrics(top?.Snippet?.LikeCount ?? mention.Mention.Metrics.Likes, 0, thread.Snippet?.TotalReplyCount ?? mention.Mention.Metrics.Replies, 0);
                    updates.Add(new EngagementUpdate(mention.Id, MentionBounds.Clamp(metrics), Deleted: false));
                }
            }
        }

        foreach (var chunk in replyIds.Chunk(YouTubeClient.LookupBatch))
        {
            var comments = await client.CommentsByIdAsync(chunk, cancellationToken);
            foreach (var comment in comments.Items!)
            {
                if (comment.Id is not null && byExternalId.TryGetValue(comment.Id, out var mention) && seen.Add(comment.Id))
                {
                    var metrics = mention.Mention.Metrics with { Likes = comment.Snippet?.LikeCount ?? mention.Mention.Metrics.Likes };
                    updates.Add(new EngagementUpdate(mention.Id, MentionBounds.Clamp(metrics), Deleted: false));
                }
            }
        }

        // Every lookup answered: what it left out is gone (deleted by its author or removed by the channel).
        foreach (var (id, mention) in byExternalId)
        {
            if (!seen.Contains(id))
            {
                updates.Add(new EngagementUpdate(mention.Id, mention.Mention.Metrics, Deleted: true));
            }
        }

        return updates;
    }

    /// <summary>The poll stores a top comment as its own conversation; a reply's conversation is its top comment.</summary>
    private static bool IsTopComment(StoredMention mention) =>
        mention.Mention.ConversationId is null || string.Equals(mention.Mention.ConversationId, mention.Mention.ExternalId, StringComparison.Ordinal);
}
