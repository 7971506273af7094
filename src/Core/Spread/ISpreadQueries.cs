using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Core.Spread;

/// <summary>Reads for the pages that show what is spreading: the watched mentions to rank and their engagement series.</summary>
public interface ISpreadQueries
{
    /// <summary>
    /// The engagement snapshots of each mention taken at or after <paramref name="since"/>, the latest
    /// <paramref name="maxPerMention"/> of each, oldest first: one query for a whole page of rows instead of one per
    /// row. Mentions without snapshots in the window are absent.
    /// </summary>
    Task<IReadOnlyDictionary<long, IReadOnlyList<EngagementSnapshot>>> GetSnapshotSeriesAsync(
        IReadOnlyList<long> mentionIds, DateTimeOffset since, int maxPerMention, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> watched mentions still in their window at <paramref name="now"/> and re-read at
    /// least once, the one whose growth a refresh saw last first (a refresh that sees growth restarts the entry's
    /// cadence), with the alert each raised, if any.
    /// </summary>
    Task<IReadOnlyList<WatchedMention>> GetRecentlyGrowingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

/// <summary>A watched mention as a dashboard row shows it. Text, names and URL are untrusted.</summary>
/// <param name="GrowthSeenAt">When a refresh last saw it grow (its enrolment if none has).</param>
/// <param name="AlertId">The mention's one alert, open or closed; null when it raised none.</param>
public sealed record WatchedMention(QueueMention Mention, string Brand, DateTimeOffset GrowthSeenAt, DateTimeOffset WatchUntil, long? AlertId);
