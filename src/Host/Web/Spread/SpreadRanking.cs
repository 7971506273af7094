using SocialWatch.Alerts.Spread;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Host.Web.Charts;

namespace SocialWatch.Host.Web.Spread;

/// <summary>A mention that may be spreading: watched, or behind an open alert.</summary>
/// <param name="AlertId">Its alert, if it raised one.</param>
public sealed record SpreadCandidate(QueueMention Mention, string Brand, long? AlertId);

/// <summary>A row of "what is spreading now": growth over the latest refresh, the +24 h projection and the line.</summary>
public sealed record SpreadingRow(SpreadCandidate Candidate, EngagementVelocity Velocity, ReachProjection? Projection, Sparkline? Sparkline)
{
    /// <summary>Interactions still expected by the projection's horizon; 0 once it has passed or without a projection.</summary>
    public long StillToCome => Projection is { } p ? Math.Max(0, p.Expected - p.Current) : 0;
}

/// <summary>
/// Ranks candidates for "what is spreading now". Only a mention that grew over the last ten minutes of refreshes is spreading now; among
/// those, the one with the most interactions still to come by +24 h comes first (growth that is fading projects
/// little), then the one growing fastest now. Pure: the page reads the candidates and their series in one query each.
/// </summary>
public static class SpreadRanking
{
    /// <summary>
    /// Growth is read over at least this long, so that one refresh that saw no movement between two bursts does not
    /// take a spreading post off the list (at a 2 min cadence, the last few reads).
    /// </summary>
    public static readonly TimeSpan GrowingWindow = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<SpreadingRow> Rank(
        IEnumerable<SpreadCandidate> candidates, IReadOnlyDictionary<long, IReadOnlyList<EngagementSnapshot>> series, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 0);
        var rows = new List<SpreadingRow>();
        var seen = new HashSet<long>();
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate.Mention.Id) || !series.TryGetValue(candidate.Mention.Id, out var snapshots))
            {
                continue;
            }

            if (EngagementVelocityCalculator.FromSnapshots(snapshots, GrowingWindow) is not { EngagementPerHour: > 0 } velocity)
            {
                continue;
            }

            rows.Add(new SpreadingRow(candidate, velocity, ReachProjector.Project(candidate.Mention.CreatedAt, snapshots), Sparkline.From(snapshots)));
        }

        return [.. rows
            .OrderByDescending(r => r.StillToCome)
            .ThenByDescending(r => r.Velocity.EngagementPerHour)
            .ThenBy(r => r.Candidate.Mention.Id)
            .Take(limit)];
    }
}
