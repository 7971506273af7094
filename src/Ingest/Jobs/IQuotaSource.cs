namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// A source whose calls spend a daily quota shared by every brand (YouTube's project quota), counted in the ingest
/// state store per UTC day both per brand (the polls' page reads) and for all brands under <see cref="AllBrands"/>.
/// </summary>
public interface IQuotaSource
{
    /// <summary>The brand key of the count for every brand together; no brand can be named so (':' is refused in names).</summary>
    const string AllBrands = ":all";

    /// <summary>Units that may be spent per UTC day, for every brand together.</summary>
    long DailyQuotaBudget { get; }

    /// <summary>Units spent today (UTC) for every brand together.</summary>
    Task<long> QuotaUsedTodayAsync(CancellationToken cancellationToken);
}
