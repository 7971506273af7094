namespace SocialWatch.Core.Digests;

/// <summary>
/// The aggregate queries a digest needs, implemented once per SQL dialect. Every method throws when the
/// database fails: a digest built from a failed query would report a quiet period that never happened.
/// </summary>
public interface IDigestDataSource
{
    /// <summary>
    /// Mentions of the brands created in [start, end), counted per bucket of <paramref name="bucket"/> length
    /// from <paramref name="start"/>; buckets without mentions may be left out.
    /// </summary>
    Task<IReadOnlyList<VolumeCount>> GetVolumeAsync(DigestScope scope, TimeSpan bucket, CancellationToken cancellationToken);

    /// <summary>Counts of alerts opened, resolved, still open, and deadlines missed in the period.</summary>
    Task<AlertCounts> GetAlertCountsAsync(DigestScope scope, CancellationToken cancellationToken);

    /// <summary>Time from alert to first response for each alert first answered in the period.</summary>
    Task<IReadOnlyList<TimeSpan>> GetFirstResponseTimesAsync(DigestScope scope, CancellationToken cancellationToken);

    /// <summary>Open mention alerts raised before the end of the period, highest escalation score first.</summary>
    Task<IReadOnlyList<RiskRow>> GetTopRisksAsync(DigestScope scope, int limit, CancellationToken cancellationToken);

    /// <summary>Spike alerts raised in the period, oldest first.</summary>
    Task<IReadOnlyList<SpikeRow>> GetSpikesAsync(DigestScope scope, int limit, CancellationToken cancellationToken);

    /// <summary>How often each escalation reason was given for complaint mentions created in the period.</summary>
    Task<IReadOnlyList<ReasonCount>> GetComplaintReasonsAsync(DigestScope scope, CancellationToken cancellationToken);
}

/// <summary>Which brands and which half-open UTC interval a query covers; no brands means every brand.</summary>
public sealed record DigestScope(IReadOnlyList<string> Brands, DateTimeOffset Start, DateTimeOffset End);

/// <summary>Mentions in the bucket that starts <paramref name="Bucket"/> bucket lengths after the scope start.</summary>
public sealed record VolumeCount(long Bucket, long Mentions, long Negative);

public sealed record AlertCounts(int Opened, int Resolved, int StillOpen, int FirstResponseBreaches, int ResolveBreaches, int BrokenPromises);

public sealed record RiskRow(long AlertId, string Title, string Brand, double Score, int Priority);

public sealed record SpikeRow(long AlertId, string Title, string Brand, DateTimeOffset CreatedAt);

/// <summary>How often a reason (by its stable code) was given.</summary>
public sealed record ReasonCount(string Code, long Count);
