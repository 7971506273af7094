namespace SocialWatch.Ingest.Jobs;

/// <summary>Turns a poll interval into the cron expression Hangfire schedules recurring jobs with.</summary>
public static class IntervalCron
{
    /// <summary>
    /// Cron for "every <paramref name="interval"/>", rounded down to a step cron can express
    /// (a divisor of a minute, an hour or a day), never below one second.
    /// </summary>
    public static string For(TimeSpan interval)
    {
        if (interval < TimeSpan.FromMinutes(1))
        {
            var seconds = LargestDivisorAtMost(60, Math.Max(1, (int)interval.TotalSeconds));
            return seconds == 1 ? "* * * * * *" : $"*/{seconds} * * * * *";
        }

        if (interval < TimeSpan.FromHours(1))
        {
            var minutes = LargestDivisorAtMost(60, (int)interval.TotalMinutes);
            return minutes == 1 ? "* * * * *" : $"*/{minutes} * * * *";
        }

        if (interval < TimeSpan.FromDays(1))
        {
            var hours = LargestDivisorAtMost(24, (int)interval.TotalHours);
            return hours == 1 ? "0 * * * *" : $"0 */{hours} * * *";
        }

        return "0 0 * * *";
    }

    private static int LargestDivisorAtMost(int whole, int limit)
    {
        for (var step = Math.Min(limit, whole); step > 1; step--)
        {
            if (whole % step == 0)
            {
                return step;
            }
        }

        return 1;
    }
}
