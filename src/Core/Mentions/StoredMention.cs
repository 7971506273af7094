using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Mentions;

/// <summary>A mention as kept in the store, with its row id and latest score.</summary>
public sealed record StoredMention(long Id, Mention Mention, MentionScore? Score, bool Redacted);

/// <summary>A mention together with the score it was given before being stored.</summary>
public sealed record ScoredMention(Mention Mention, MentionScore Score);

/// <summary>Engagement counters of a stored mention read at <paramref name="At"/> by the refresh job.</summary>
public sealed record EngagementSnapshot(long MentionId, DateTimeOffset At, EngagementMetrics Metrics);

/// <summary>Filter for listing stored mentions, newest first.</summary>
public sealed record MentionQuery
{
    public string? Brand { get; init; }
    public string? Source { get; init; }
    public string? AuthorId { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    /// <summary>Keyset paging: only mentions with an id below this one.</summary>
    public long? BeforeId { get; init; }

    /// <summary>Only mentions with an alert in one of these teams (names compared ignoring case); empty means all.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    public int Limit { get; init; } = 100;
}
