using SocialWatch.Core.Mentions;

namespace SocialWatch.Core.Scoring;

/// <summary>What the scorer may look at for one mention: the text plus the context that makes it spread.</summary>
public sealed record ScoringInput(string Text)
{
    public MentionAuthor? Author { get; init; }
    public EngagementMetrics Metrics { get; init; }

    /// <summary>Engagement growth from refresh snapshots; null for a mention seen once.</summary>
    public EngagementVelocity? Velocity { get; init; }

    /// <summary>The author's earlier complaints to the same brand; null when unknown.</summary>
    public AuthorHistory? History { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public static ScoringInput From(Mention mention) => new(mention.Text)
    {
        Author = mention.Author,
        Metrics = mention.Metrics,
        CreatedAt = mention.CreatedAt,
    };
}

/// <summary>Engagement growth of a post between snapshots.</summary>
/// <param name="RepostsPerHour">Reposts and quotes gained per hour over the last interval.</param>
/// <param name="EngagementPerHour">All interactions gained per hour over the last interval.</param>
/// <param name="DoublingTime">Time the total engagement takes to double at the current rate; null when not growing.</param>
public sealed record EngagementVelocity(double RepostsPerHour, double EngagementPerHour, TimeSpan? DoublingTime)
{
    /// <summary>
    /// The interval the rates were measured over; null when unknown. With it a reason can say what happened
    /// ("1.2k interactions in 30 min") instead of quoting a rate.
    /// </summary>
    public TimeSpan? Window { get; init; }
}

/// <summary>How often an author has complained to the brand before.</summary>
public sealed record AuthorHistory(int ComplaintsLast7Days, int ComplaintsLast30Days, int ResolvedCases);
