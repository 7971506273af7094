using SocialWatch.Core.Brands;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Core.Ingest;

/// <summary>
/// A network SocialWatch reads mentions from. One implementation per folder under src/Ingest/Sources.
/// </summary>
public interface IMentionSource
{
    /// <summary>Lower-case source name stored with each mention ("x", "reddit"...).</summary>
    string Name { get; }

    /// <summary>How often each query of this source is polled.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>The queries to poll for a brand (none when the brand has nothing for this source).</summary>
    IReadOnlyList<WatchQuery> QueriesFor(Brand brand);

    /// <summary>
    /// Reads one page after <paramref name="cursor"/> (an opaque string this source produced earlier, null at first).
    /// Throws on any failure: an outage must fail the job, never look like "no new mentions".
    /// </summary>
    Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, CancellationToken cancellationToken);
}

/// <summary>One polled query: a brand on a source, with the source-specific query text.</summary>
/// <param name="Key">Stable key for cursor and job id, e.g. "acme:reddit:r/acme:comments".</param>
public sealed record WatchQuery(string Key, string Brand, string Source, string Query);

/// <summary>A page of mentions and the cursor to resume after it.</summary>
/// <param name="HasMore">True when another page follows at once (pagination of the same poll).</param>
/// <param name="Reads">Posts read from the network for this page (for billing and budgets).</param>
public sealed record MentionPage(IReadOnlyList<Mention> Mentions, string? NextCursor, bool HasMore, int Reads);

/// <summary>A source that can re-read engagement of known posts and tell which were deleted.</summary>
public interface IEngagementSource
{
    string Name { get; }

    Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken);
}

/// <summary>Fresh metrics for a mention, or the news that it was deleted at its source.</summary>
public sealed record EngagementUpdate(long MentionId, EngagementMetrics Metrics, bool Deleted);

/// <summary>Called after new mentions are committed (routing turns them into alerts).</summary>
public interface IMentionsStoredHandler
{
    Task OnStoredAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken);
}
