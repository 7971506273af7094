using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Insights;

/// <summary>
/// Read models for the people who work alerts: the triage queue (alerts joined with their mentions, filtered on
/// both) and the escalation dashboard's aggregates. Implemented per dialect with set-based SQL so that a queue of
/// ten thousand open alerts over a million mentions still answers in milliseconds.
/// </summary>
public interface IInsightsStore
{
    /// <summary>Open alerts matching the filter, highest priority first, then earliest first-response due.</summary>
    Task<IReadOnlyList<QueueItem>> GetQueueAsync(QueueFilter filter, CancellationToken cancellationToken);

    /// <summary>Open alerts with the highest escalation score (mention alerts), most dangerous first.</summary>
    Task<IReadOnlyList<QueueItem>> GetTopRisksAsync(IReadOnlyList<string> brands, int limit, CancellationToken cancellationToken);

    /// <summary>Mention count and negative count per brand and hour bucket in [since, until).</summary>
    Task<IReadOnlyList<VolumeBucket>> GetVolumeAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Spike alerts raised in [since, until), oldest first, to mark on the volume chart.</summary>
    Task<IReadOnlyList<SpikeMark>> GetSpikesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Mentions per source in [since, until).</summary>
    Task<IReadOnlyList<CountBy>> GetSourceBreakdownAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Open alerts per escalation reason (what people complain about), most frequent first.</summary>
    Task<IReadOnlyList<CountBy>> GetReasonBreakdownAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Open alerts by SLA status at <paramref name="now"/>.</summary>
    Task<SlaSummary> GetSlaSummaryAsync(DateTimeOffset now, TimeSpan dueSoon, CancellationToken cancellationToken);

    /// <summary>Earlier mentions by the same author about the same brand, newest first, with their alerts' outcomes.</summary>
    Task<IReadOnlyList<AuthorHistoryItem>> GetAuthorHistoryAsync(string source, string authorId, string brand, long excludeMentionId, int limit, CancellationToken cancellationToken);

    /// <summary>Distinct brands and sources seen in open alerts, for the queue's filter lists.</summary>
    Task<QueueFacets> GetFacetsAsync(CancellationToken cancellationToken);
}

public sealed record QueueFilter
{
    /// <summary>Teams whose queues to read; empty reads every team.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    public string? Brand { get; init; }
    public string? Source { get; init; }
    public EscalationLevel? Level { get; init; }
    public AlertState? State { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>An alert with what an agent needs to see about its mention in a queue row.</summary>
public sealed record QueueItem(Alert Alert, QueueMention? Mention);

/// <summary>The parts of a mention shown in the queue. Text and names are untrusted.</summary>
public sealed record QueueMention(
    long Id,
    string Source,
    string Text,
    string AuthorId,
    string AuthorHandle,
    string? AuthorName,
    long Followers,
    bool Verified,
    string? Url,
    long Engagement,
    float Escalation,
    EscalationLevel Level,
    float Negative,
    DateTimeOffset CreatedAt);

public sealed record VolumeBucket(string Brand, DateTimeOffset Hour, int Mentions, int Negative);

public sealed record SpikeMark(long AlertId, string Brand, DateTimeOffset At);

public sealed record CountBy(string Key, int Count);

public sealed record SlaSummary(int Open, int Breached, int DueSoon, int OnTrack, int NoDeadline);

public sealed record AuthorHistoryItem(long MentionId, string Text, DateTimeOffset CreatedAt, AlertState? AlertState, string? DismissReason);

public sealed record QueueFacets(IReadOnlyList<string> Brands, IReadOnlyList<string> Sources);
