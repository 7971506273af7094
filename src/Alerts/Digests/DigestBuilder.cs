using Microsoft.Extensions.Options;
using SocialWatch.Core.Digests;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Digests;

/// <summary>Computes the <see cref="DigestReport"/> of one subscription and period from the aggregate queries.</summary>
public sealed class DigestBuilder(IDigestDataSource data, IOptions<DigestOptions> options)
{
    private readonly DigestOptions _options = options.Value;

    public async Task<DigestReport> BuildAsync(DigestSubscription subscription, DigestSchedule schedule, DigestPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var brands = subscription.Brands;
        // A preview covers its period only up to now: a deadline later today is not missed yet.
        var current = new DigestScope(brands, period.Start, period.End < now ? period.End : now);
        var previous = new DigestScope(brands, period.PreviousStart, period.PreviousEnd);

        // One hour divides every bucket (hours and local days), so one query shape serves both charts.
        var hourly = await data.GetVolumeAsync(current, TimeSpan.FromHours(1), cancellationToken);
        var previousHourly = await data.GetVolumeAsync(previous, TimeSpan.FromHours(1), cancellationToken);
        var counts = await data.GetAlertCountsAsync(current, cancellationToken);
        var responseTimes = await data.GetFirstResponseTimesAsync(current, cancellationToken);
        var risks = await data.GetTopRisksAsync(current, _options.TopRisks, cancellationToken);
        var spikes = await data.GetSpikesAsync(current, _options.Spikes, cancellationToken);
        var reasons = await data.GetComplaintReasonsAsync(current, cancellationToken);
        var previousReasons = await data.GetComplaintReasonsAsync(previous, cancellationToken);

        return new DigestReport
        {
            SubscriptionName = subscription.Name,
            Brands = brands,
            Period = period,
            TimeZone = schedule.TimeZone,
            IsPartial = period.End > now,
            Volume = Total(hourly),
            PreviousVolume = Total(previousHourly),
            Series = Buckets(period, schedule.TimeZone, hourly),
            Alerts = new AlertSummary
            {
                Opened = counts.Opened,
                Resolved = counts.Resolved,
                StillOpen = counts.StillOpen,
                FirstResponseBreaches = counts.FirstResponseBreaches,
                ResolveBreaches = counts.ResolveBreaches,
                BrokenPromises = counts.BrokenPromises,
                MedianFirstResponse = Median(responseTimes),
                Responses = responseTimes.Count,
            },
            TopRisks = [.. risks.Select(r => new DigestRisk(r.AlertId, r.Title, r.Brand, r.Score, PriorityName(r.Priority), AlertLink(r.AlertId)))],
            Spikes = [.. spikes.Select(s => new DigestSpike(s.AlertId, s.Title, s.Brand, s.CreatedAt, AlertLink(s.AlertId)))],
            GrowingReasons = Growth(reasons, previousReasons, _options.GrowingReasons),
        };
    }

    internal IReadOnlyList<VolumeBucket> Buckets(DigestPeriod period, TimeZoneInfo zone, IReadOnlyList<VolumeCount> hourly)
    {
        var bounds = new List<DateTimeOffset> { period.Start };
        var hourlyChart = period.Length <= _options.HourlyChartUpTo;
        if (hourlyChart)
        {
            for (var t = period.Start.AddHours(1); t < period.End; t = t.AddHours(1))
            {
                bounds.Add(t);
            }
        }
        else
        {
            // Days are counted on the local wall clock, so a bucket across a DST change is 23 or 25 hours long.
            var localStart = TimeZoneInfo.ConvertTime(period.Start, zone).DateTime;
            for (var day = 1; ; day++)
            {
                var next = ToUtc(localStart.AddDays(day), zone);
                if (next >= period.End)
                {
                    break;
                }

                bounds.Add(next);
            }
        }

        bounds.Add(period.End);

        var mentions = new long[bounds.Count - 1];
        var negative = new long[bounds.Count - 1];
        foreach (var row in hourly)
        {
            var at = period.Start.AddHours(row.Bucket);
            var index = bounds.BinarySearch(at);
            index = index >= 0 ? index : ~index - 1;
            if (index < 0 || index >= mentions.Length)
            {
                continue;
            }

            mentions[index] += row.Mentions;
            negative[index] += row.Negative;
        }

        var buckets = new List<VolumeBucket>(mentions.Length);
        for (var i = 0; i < mentions.Length; i++)
        {
            var local = TimeZoneInfo.ConvertTime(bounds[i], zone);
            var label = hourlyChart
                ? local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
                : local.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture);
            buckets.Add(new VolumeBucket(bounds[i], bounds[i + 1], label, mentions[i], negative[i]));
        }

        return buckets;
    }

    internal static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        // A wall-clock time inside a spring-forward gap does not exist; take the instant the clocks jumped.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }

    internal static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1
            ? sorted[middle]
            : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }

    internal static IReadOnlyList<ReasonGrowth> Growth(IReadOnlyList<ReasonCount> current, IReadOnlyList<ReasonCount> previous, int limit)
    {
        var before = previous
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        return [.. current
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .Select(g => new ReasonGrowth(g.Key, ReasonCodes.DisplayName(g.Key), g.Sum(r => r.Count), before.GetValueOrDefault(g.Key)))
            .Where(r => r.Growth > 0)
            .OrderByDescending(r => r.Growth)
            .ThenByDescending(r => r.Count)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .Take(limit)];
    }

    private static PeriodVolume Total(IReadOnlyList<VolumeCount> rows) =>
        new(rows.Sum(r => r.Mentions), rows.Sum(r => r.Negative));

    private static string PriorityName(int priority) =>
        Enum.IsDefined(typeof(Core.Alerts.AlertPriority), priority) ? ((Core.Alerts.AlertPriority)priority).ToString() : priority.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Uri? AlertLink(long alertId)
    {
        if (_options.AppBaseUrl is not { } root)
        {
            return null;
        }

        // Without the trailing slash a relative link would replace the last path segment of an app under a sub-path.
        var baseUrl = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        return new Uri(baseUrl, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"alerts/{alertId}"));
    }
}
