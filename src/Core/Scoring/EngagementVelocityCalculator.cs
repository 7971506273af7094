using SocialWatch.Core.Mentions;

namespace SocialWatch.Core.Scoring;

/// <summary>Velocity from the refresh job's snapshots: growth over the latest interval.</summary>
public static class EngagementVelocityCalculator
{
    /// <summary>Null with fewer than two snapshots or no time between the last two.</summary>
    public static EngagementVelocity? FromSnapshots(IReadOnlyList<EngagementSnapshot> snapshots)
    {
        if (snapshots.Count < 2)
        {
            return null;
        }

        var ordered = snapshots.OrderBy(s => s.At).ToList();
        var last = ordered[^1];
        var previous = ordered[^2];
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
