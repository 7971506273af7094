using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Sla;

/// <summary>
/// Adds working time to an instant: the clock only runs inside a team's working hours, which are local to the
/// team's time zone. Periods are converted to UTC day by day, so a DST change shortens or lengthens that day's
/// period by the real hour it gains or loses.
/// </summary>
public static class WorkingTimeCalculator
{
    // A team with working hours but none in a year is misconfigured; stop instead of looping forever.
    private const int MaxDaysAhead = 366;

    public static DateTimeOffset Add(TeamProfile team, DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (team.WorkingHours.Count == 0)
        {
            return start + duration;
        }

        var zone = team.TimeZone;
        var remaining = duration;
        var cursor = start.ToUniversalTime();

        // Start a day early: a period that began yesterday local time may still be running.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(cursor, zone).DateTime).AddDays(-1);
        for (var i = 0; i <= MaxDaysAhead + 1; i++, day = day.AddDays(1))
        {
            foreach (var (from, to) in PeriodsOn(team, zone, day))
            {
                if (to <= cursor)
                {
                    continue;
                }

                var begin = from > cursor ? from : cursor;
                var available = to - begin;
                if (remaining <= available)
                {
                    return begin + remaining;
                }

                remaining -= available;
                cursor = to;
            }
        }

        throw new InvalidOperationException($"Team '{team.Name}' has no working hours within a year of {start:O}; check its working hours.");
    }

    /// <summary>True when the instant falls inside one of the team's working periods (always true without hours).</summary>
    public static bool IsWorking(TeamProfile team, DateTimeOffset at)
    {
        if (team.WorkingHours.Count == 0)
        {
            return true;
        }

        var zone = team.TimeZone;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return PeriodsOn(team, zone, day.AddDays(-1)).Concat(PeriodsOn(team, zone, day))
            .Any(p => p.From <= at && at < p.To);
    }

    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> PeriodsOn(TeamProfile team, TimeZoneInfo zone, DateOnly day)
    {
        foreach (var period in team.WorkingHours.Where(p => p.Day == day.DayOfWeek).OrderBy(p => p.Start))
        {
            var from = ToUtc(zone, day.ToDateTime(period.Start));
            var to = period.RunsToMidnight
                ? ToUtc(zone, day.AddDays(1).ToDateTime(TimeOnly.MinValue))
                : ToUtc(zone, day.ToDateTime(period.End));
            if (to > from)
            {
                yield return (from, to);
            }
        }
    }

    private static DateTimeOffset ToUtc(TimeZoneInfo zone, DateTime local)
    {
        // A local time inside a spring-forward gap does not exist; the period starts when the clock resumes.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the first occurrence of a repeated hour
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }
}
