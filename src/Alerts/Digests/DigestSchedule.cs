using Cronos;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

/// <summary>
/// The send times of one subscription and the periods they close. Send times come from the same cron engine
/// (Cronos) that Hangfire uses to fire the recurring job, so the job and this class agree on every occurrence,
/// including the ones a daylight-saving change moves: a time skipped by spring-forward fires at the end of the gap,
/// a time repeated by fall-back fires once.
/// </summary>
public sealed class DigestSchedule
{
    /// <summary>Digests closer together than this would flood the inbox and make every chart a single bar.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(1);

    private static readonly TimeSpan LongestLookBack = TimeSpan.FromDays(366 * 8);

    private readonly CronExpression _expression;

    private DigestSchedule(string cron, CronExpression expression, TimeZoneInfo timeZone)
    {
        Cron = cron;
        _expression = expression;
        TimeZone = timeZone;
    }

    /// <summary>The 5-field cron expression Hangfire is given for the recurring job.</summary>
    public string Cron { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Builds the schedule of a subscription; throws <see cref="DigestValidationException"/> when it is unusable.</summary>
    public static DigestSchedule For(DigestSubscription subscription)
    {
        var errors = new Dictionary<string, string>();
        var timeZone = TryFindTimeZone(subscription.TimeZoneId);
        if (timeZone is null)
        {
            errors["timeZone"] = $"'{subscription.TimeZoneId}' is not a known IANA time zone.";
        }

        var cron = subscription.Cadence switch
        {
            DigestCadence.Daily => $"{subscription.SendAt.Minute} {subscription.SendAt.Hour} * * *",
            DigestCadence.Weekly => $"{subscription.SendAt.Minute} {subscription.SendAt.Hour} * * {(int)subscription.WeeklyOn}",
            DigestCadence.Custom => subscription.Cron?.Trim() ?? "",
            _ => "",
        };

        CronExpression? expression = null;
        if (subscription.Cadence is not (DigestCadence.Daily or DigestCadence.Weekly or DigestCadence.Custom))
        {
            errors["cadence"] = $"Unknown cadence {subscription.Cadence}.";
        }
        else if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            errors["cron"] = "A custom cadence needs a 5-field cron expression (minute hour day-of-month month day-of-week).";
        }
        else
        {
            try
            {
                expression = CronExpression.Parse(cron, CronFormat.Standard);
            }
            catch (CronFormatException ex)
            {
                errors["cron"] = $"'{cron}' is not a valid cron expression: {ex.Message}";
            }
        }

        if (expression is not null && timeZone is not null)
        {
            var gap = ShortestGap(expression, timeZone);
            if (gap is null)
            {
                errors["cron"] = $"'{cron}' never fires.";
            }
            else if (gap < MinimumInterval)
            {
                errors["cron"] = $"'{cron}' fires every {gap.Value.TotalMinutes:0} minutes; digests must be at least {MinimumInterval.TotalMinutes:0} minutes apart.";
            }
        }

        if (errors.Count > 0)
        {
            throw new DigestValidationException(errors);
        }

        return new DigestSchedule(cron, expression!, timeZone!);
    }

    /// <summary>
    /// The latest period whose end (a send time) is at or before <paramref name="now"/>: the digest that is due.
    /// A host that was down for days gets only this one, never the ones it slept through.
    /// </summary>
    public DigestPeriod LatestDue(DateTimeOffset now)
    {
        var last = LastOccurrences(now, 3);
        return new DigestPeriod(last[1], last[2], last[0]);
    }

    /// <summary>The period that ends at the next send time after <paramref name="now"/>: what the next digest will cover.</summary>
    public DigestPeriod Next(DateTimeOffset now)
    {
        var last = LastOccurrences(now, 2);
        var next = _expression.GetNextOccurrence(now.ToUniversalTime(), TimeZone, inclusive: false)
            ?? throw new InvalidOperationException($"The cron expression '{Cron}' has no occurrence after {now:O}.");
        return new DigestPeriod(last[1], next, last[0]);
    }

    /// <summary>The next send time after <paramref name="now"/>.</summary>
    public DateTimeOffset? NextSendTime(DateTimeOffset now) =>
        _expression.GetNextOccurrence(now.ToUniversalTime(), TimeZone, inclusive: false);

    private DateTimeOffset[] LastOccurrences(DateTimeOffset now, int count)
    {
        // Cronos only looks forward, so search a window before now and widen it until it holds enough send times.
        var to = now.ToUniversalTime();
        for (var window = TimeSpan.FromDays(2); window <= LongestLookBack; window *= 2)
        {
            var found = new List<DateTimeOffset>(count + 1);
            foreach (var occurrence in _expression.GetOccurrences(to - window, to, TimeZone, fromInclusive: true, toInclusive: true))
            {
                found.Add(occurrence);
                if (found.Count > count)
                {
                    found.RemoveAt(0);
                }
            }

            if (found.Count == count)
            {
                return [.. found.Select(o => o.ToUniversalTime())];
            }
        }

        throw new InvalidOperationException($"The cron expression '{Cron}' has fewer than {count} occurrences in the {LongestLookBack.TotalDays:0} days before {now:O}.");
    }

    private static TimeSpan? ShortestGap(CronExpression expression, TimeZoneInfo timeZone)
    {
        // Two weeks of occurrences show the shortest gap of any daily or weekly pattern.
        var from = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        TimeSpan? shortest = null;
        DateTimeOffset? previous = null;
        var seen = 0;
        foreach (var occurrence in expression.GetOccurrences(from, from.AddDays(15), timeZone))
        {
            if (previous is { } p && (shortest is null || occurrence - p < shortest))
            {
                shortest = occurrence - p;
            }

            previous = occurrence;
            if (++seen > 2000)
            {
                break;
            }
        }

        if (shortest is null && previous is null)
        {
            // Rare patterns (monthly, yearly) fire less than twice in two weeks; one occurrence a year is still valid.
            var next = expression.GetNextOccurrence(from, timeZone);
            return next is null ? null : TimeSpan.MaxValue;
        }

        return shortest ?? TimeSpan.MaxValue;
    }

    internal static TimeZoneInfo? TryFindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }
}

/// <summary>A subscription or request that cannot be used, with one message per offending field.</summary>
public sealed class DigestValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception("The digest subscription is not valid: " + string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
