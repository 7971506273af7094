namespace SocialWatch.Core.Mentions;

/// <summary>
/// One post or comment that mentions a brand, normalised from whichever network it came from.
/// A post is (<see cref="Source"/>, <see cref="ExternalId"/>); a stored mention is that post for one
/// <see cref="Brand"/>: storing the same triple twice stores it once, and a post that names two brands is stored for each.
/// </summary>
public sealed record Mention
{
    /// <summary>Source name in lower case: "x", "reddit", "mastodon", "bluesky", "youtube", "rss", "push", "demo".</summary>
    public required string Source { get; init; }

    /// <summary>The network's own id (tweet id, Reddit fullname, status URI...).</summary>
    public required string ExternalId { get; init; }

    /// <summary>Name of the brand the mention was found for.</summary>
    public required string Brand { get; init; }

    /// <summary>The text as written by its author. Untrusted: encode wherever it is shown.</summary>
    public required string Text { get; init; }

    public required MentionAuthor Author { get; init; }

    public EngagementMetrics Metrics { get; init; }

    /// <summary>Link to the post on its network. Untrusted: only http(s) may be rendered as a link.</summary>
    public string? Url { get; init; }

    /// <summary>ISO 639-1 language code as reported by the network, if any.</summary>
    public string? Language { get; init; }

    /// <summary>Thread or conversation the post belongs to, if the network has one.</summary>
    public string? ConversationId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When SocialWatch first read it; set by the ingest pipeline.</summary>
    public DateTimeOffset IngestedAt { get; init; }
}

/// <summary>Who wrote a mention, with the reach that makes a complaint dangerous.</summary>
public sealed record MentionAuthor(string Id, string Handle, string? DisplayName, long Followers, bool Verified)
{
    public static MentionAuthor Unknown { get; } = new("", "", null, 0, false);
}

/// <summary>Public engagement counters of a post at one moment.</summary>
public readonly record struct EngagementMetrics(long Likes, long Reposts, long Replies, long Quotes)
{
    /// <summary>
    /// All interactions, saturating at <see cref="long.MaxValue"/> rather than wrapping: counters built outside
    /// <see cref="MentionBounds"/> (an old row, a test) must never turn negative and poison a score with NaN.
    /// </summary>
    public long Total => (long)Int128.Clamp((Int128)Likes + Reposts + Replies + Quotes, 0, long.MaxValue);
}
