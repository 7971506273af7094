using System.Globalization;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Sources.YouTube;

/// <summary>
/// The quota units YouTube calls spend, counted per UTC day for every brand together (the quota belongs to the API
/// key's project) in the ingest state store, so every host sees one count. A call is refused before it is made once
/// the day's budget is spent.
/// </summary>
internal sealed class YouTubeQuota(IIngestStateStore state, IOptions<YouTubeOptions> options, TimeProvider time)
{
    private static readonly TimeZoneInfo? Pacific = FindPacific();

    public long DailyBudget => options.Value.DailyQuotaBudget;

    public Task<long> UsedTodayAsync(CancellationToken cancellationToken) =>
        state.GetReadsAsync(YouTubeClient.SourceName, IQuotaSource.AllBrands, Today(), cancellationToken);

    /// <summary>Throws <see cref="UsageCapExceededException"/> (the job pauses YouTube until the next UTC day) when the budget is spent.</summary>
    public async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        var used = await UsedTodayAsync(cancellationToken);
        if (used >= DailyBudget)
        {
            var tomorrow = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
            throw new UsageCapExceededException(
                YouTubeClient.SourceName,
                tomorrow,
                string.Create(CultureInfo.InvariantCulture, $"today's quota budget is spent ({used:N0} of {DailyBudget:N0} units, Sources:YouTube:DailyQuotaBudget)"));
        }
    }

    public Task SpendAsync(long units, CancellationToken cancellationToken) =>
        state.AddReadsAsync(YouTubeClient.SourceName, IQuotaSource.AllBrands, Today(), units, cancellationToken);

    /// <summary>Google resets YouTube quotas at midnight Pacific time; without time-zone data, the next UTC midnight.</summary>
    public static DateTimeOffset NextGoogleReset(DateTimeOffset now)
    {
        if (Pacific is null)
        {
            return new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        }

        var local = TimeZoneInfo.ConvertTime(now, Pacific);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, Pacific.GetUtcOffset(midnight));
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static TimeZoneInfo? FindPacific()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
