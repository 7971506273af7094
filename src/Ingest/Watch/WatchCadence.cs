using Microsoft.Extensions.Options;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Watch;

/// <summary>
/// When a watched mention is refreshed next: at the shortest cadence while young, backing off with age, and from the
/// start again when a refresh sees growth (the age then counts from that refresh).
/// </summary>
public sealed class WatchCadence
{
    private readonly TimeSpan _shortest;
    private readonly (TimeSpan After, TimeSpan Every)[] _steps;
    private readonly double _growthShare;
    private readonly long _growthMin;

    public WatchCadence(IOptions<IngestOptions> ingest, IOptions<WatchOptions> watch)
        : this(ingest.Value.EngagementRefreshInterval, watch.Value)
    {
    }

    public WatchCadence(TimeSpan shortest, WatchOptions options)
    {
        _shortest = shortest;

        // No step refreshes more often than the shortest cadence, which is honoured as set.
        _steps = [.. options.EffectiveBackOff.Select(s => (s.After, s.Every < shortest ? shortest : s.Every))];
        _growthShare = options.GrowthShare;
        _growthMin = options.GrowthMinInteractions;
    }

    public TimeSpan Shortest => _shortest;

    /// <summary>The refresh interval at an age.</summary>
    public TimeSpan IntervalAt(TimeSpan age)
    {
        var every = _shortest;
        foreach (var (after, stepEvery) in _steps)
        {
            if (age < after)
            {
                break;
            }

            every = stepEvery;
        }

        return every;
    }

    /// <summary>True when the counters grew enough between two reads to watch the mention closely again.</summary>
    public bool IsGrowth(EngagementMetrics before, EngagementMetrics after)
    {
        var gained = after.Total - before.Total;
        return gained >= _growthMin && gained >= before.Total * _growthShare;
    }

    /// <summary>The cadence start and next due time after a refresh at <paramref name="now"/>.</summary>
    public (DateTimeOffset CadenceFrom, DateTimeOffset NextDueAt) Next(DateTimeOffset cadenceFrom, DateTimeOffset now, bool grew)
    {
        var from = grew ? now : cadenceFrom;
        return (from, now + IntervalAt(now - from));
    }

    /// <summary>
    /// Refreshes an entry gets from <paramref name="from"/> to <paramref name="to"/> if it never grows again, given its
    /// next due time and the end of its window: what it costs at the cadence, for the admin page.
    /// </summary>
    public long RefreshesBetween(DateTimeOffset cadenceFrom, DateTimeOffset nextDueAt, DateTimeOffset watchUntil, DateTimeOffset from, DateTimeOffset to)
    {
        var end = to < watchUntil ? to : watchUntil;
        var due = nextDueAt < from ? from : nextDueAt;
        long count = 0;
        while (due < end)
        {
            count++;
            (_, due) = Next(cadenceFrom, due, grew: false);
        }

        return count;
    }
}
