using SocialWatch.Core.Mentions;

namespace SocialWatch.Core.Scoring;

/// <summary>Velocity from the refresh job's snapshots: growth over the latest interval.</summary>
public static class EngagementVelocityCalculator
{
    /// <summary>
    /// Null with fewer than two snapshots or no time between the last two. With <paramref name="atLeast"/>, the rates are
    /// measured from the latest snapshot taken at least that long before the last one (the first one if none is that
    /// old): what a person watching a dashboard calls "growing now", which one quiet read between bursts must not hide.
    /// Without it, over the latest interval, which is what the scorer is given at each refresh.
    /// </summary>
    public static EngagementVelocity? FromSnapshots(IReadOnlyList<EngagementSnapshot> snapshots, TimeSpan? atLeast = null)
    {
        if (snapshots.Count < 2)
        {
            return null;
        }

        var ordered = snapshots.OrderBy(s => s.At).ToList();
        var last = ordered[^1];
        var previous = ordered[^2];
        if (atLeast is { } window)
        {
            previous = ordered.LastOrDefault(s => s.At <= last.At - window) ?? ordered[0];
        }

        var hours = (last.At - previous.At).TotalHours;
        if (hours <= 0)
        {
            return null;
        }

        var gained = last.Metrics.Total - previous.Metrics.Total;
        var perHour = gained / hours;
        var repostsPerHour = (last.Metrics.Reposts + last.Metrics.Quotes - previous.Metrics.Reposts - previous.Metrics.Quotes) / hours;

        // At a steady rate the total doubles once the same amount is gained again.
        TimeSpan? doubling = perHour > 0 && last.Metrics.Total > 0
            ? TimeSpan.FromHours(last.Metrics.Total / perHour)
            : null;
        return new EngagementVelocity(Math.Max(0, repostsPerHour), Math.Max(0, perHour), doubling) { Window = last.At - previous.At };
    }
}
