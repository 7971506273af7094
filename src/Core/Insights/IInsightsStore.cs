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

    /// <summary>
    /// One page of a saved queue view, in the view's order, read by key (never by offset): the page after
    /// <see cref="QueuePageQuery.After"/> or the one before <see cref="QueuePageQuery.Before"/>, each ordered with the
    /// alert id as the last key so no row is shown twice or skipped while the queue changes.
    /// </summary>
    Task<QueuePage> GetQueuePageAsync(QueuePageQuery query, CancellationToken cancellationToken);

    /// <summary>How many open alerts of <paramref name="scope"/> each open view holds at <paramref name="now"/>.</summary>
    Task<QueueViewCounts> GetQueueViewCountsAsync(QueueScope scope, DateTimeOffset now, TimeSpan dueSoon, CancellationToken cancellationToken);

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

/// <summary>The saved views of the triage queue. Resolved and Dismissed list closed alerts, newest first.</summary>
public enum QueueView
{
    AllOpen,
    Mine,
    Unassigned,
    MyTeam,
    Breached,
    DueSoon,
    Resolved,
    Dismissed,
}

/// <summary>How an open view is ordered; the closed views are always newest first.</summary>
public enum QueueSort
{
    /// <summary>Highest priority first, then the earliest first-response due (none last).</summary>
    Due,

    /// <summary>Highest escalation score first (alerts without one last).</summary>
    Risk,
}

/// <summary>Whose alerts a view reads: the teams in scope, the reader's own teams ("My team") and the reader ("Mine").</summary>
public sealed record QueueScope
{
    /// <summary>Teams whose alerts may be read; empty reads every team.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>The teams the reader is a member of; "My team" is empty without any.</summary>
    public IReadOnlyList<string> MemberTeams { get; init; } = [];

    /// <summary>The reader's user name, compared with the assignee ignoring case.</summary>
    public string Me { get; init; } = "";
}

public sealed record QueuePageQuery
{
    public QueueScope Scope { get; init; } = new();
    public QueueView View { get; init; }
    public QueueSort Sort { get; init; }
    public string? Brand { get; init; }
    public string? Source { get; init; }
    public EscalationLevel? Level { get; init; }
    public AlertState? State { get; init; }

    /// <summary>
    /// Text looked for, case ignored, anywhere in the post, the author's handle or name, the alert's title or the notes
    /// of its audit trail; null or blank for no search. Matched literally (% and _ are not wildcards).
    /// </summary>
    public string? Search { get; init; }

    /// <summary>The time Breached and Due soon are judged at.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>How far ahead of <see cref="Now"/> a first response counts as due soon.</summary>
    public TimeSpan DueSoon { get; init; } = TimeSpan.FromMinutes(30);

    public int Limit { get; init; } = 25;

    /// <summary>A <see cref="QueuePage.Next"/> token: read the page after it.</summary>
    public string? After { get; init; }

    /// <summary>A <see cref="QueuePage.Previous"/> token: read the page before it.</summary>
    public string? Before { get; init; }
}

/// <summary>
/// A page of a view and the tokens of its neighbours (null where there is none). Tokens are opaque to callers and carry
/// the sort keys of the row they follow or precede; a token from another view or order reads the first page.
/// </summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, string? Next, string? Previous)
{
    /// <summary>A token was given that is not one of this view and order, so the first page was read instead.</summary>
    public bool TokenIgnored { get; init; }
}

/// <summary>Open alerts per open view, in the reader's scope.</summary>
public sealed record QueueViewCounts(int AllOpen, int Mine, int Unassigned, int MyTeam, int Breached, int DueSoon);
