using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;

namespace SocialWatch.Ingest.Jobs;

/// <summary>A source that bills per post read, with a daily budget per brand.</summary>
public interface IBudgetedSource
{
    string Name { get; }

    /// <summary>Posts that may be read per brand and UTC day; null means no budget.</summary>
    long? DailyReadBudget { get; }

    /// <summary>What one post read costs, in US dollars, for the spend shown to admins.</summary>
    decimal CostPerRead { get; }

    /// <summary>The fewest posts one request can ask for: with less than this left of the day's budget, a run stops.</summary>
    int MinimumPage { get; }

    /// <summary>Reads one page of at most <paramref name="maxReads"/> posts, so a run never reads past the day's budget.</summary>
    Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, int maxReads, CancellationToken cancellationToken);

    /// <summary>
    /// How many posts the brand's query matches a day at the network's recent volume, counted without reading them;
    /// null when the brand has no query on this source.
    /// </summary>
    Task<DailyVolume?> CountDailyVolumeAsync(Brand brand, CancellationToken cancellationToken);
}

/// <summary>Posts a query matched over a recent span, and the daily rate that makes.</summary>
/// <param name="Query">The query as sent to the network.</param>
/// <param name="Posts">Posts matched over the span.</param>
/// <param name="Span">The time the count covers (about seven days on X).</param>
public sealed record DailyVolume(string Query, long Posts, TimeSpan Span)
{
    public double PostsPerDay => Span <= TimeSpan.Zero ? 0 : Posts / Span.TotalDays;
}
