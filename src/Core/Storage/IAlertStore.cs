using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Storage;

/// <summary>Alerts with their audited state history.</summary>
public interface IAlertStore
{
    /// <summary>
    /// Creates an alert in state New and writes its first audit entry; returns it with its id. A mention alert for a
    /// mention that already has one is refused with <see cref="AlertExistsException"/>, whichever host raced for it.
    /// </summary>
    Task<Alert> CreateAsync(NewAlert alert, CancellationToken cancellationToken);

    Task<Alert?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Open alerts, highest priority first, then earliest first-response due.</summary>
    Task<IReadOnlyList<Alert>> GetOpenAsync(OpenAlertQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a change if the alert is still at <see cref="AlertChange.ExpectedVersion"/> and writes an audit
    /// entry in the same transaction. Throws <see cref="ConcurrencyConflictException"/> when someone else won.
    /// The caller (the workflow) decides whether the transition is legal.
    /// </summary>
    Task<Alert> ApplyAsync(AlertChange change, CancellationToken cancellationToken);

    /// <summary>Audit trail of one alert, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(long alertId, CancellationToken cancellationToken);
}

public sealed record NewAlert
{
    public AlertKind Kind { get; init; }
    public long? MentionId { get; init; }
    public required string Brand { get; init; }
    public required string Team { get; init; }
    public AlertPriority Priority { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<Reason> Reasons { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FirstResponseDueAt { get; init; }
    public DateTimeOffset? ResolveDueAt { get; init; }

    /// <summary>Name of the SLA policy the deadlines came from; null for the default policy.</summary>
    public string? SlaPolicy { get; init; }

    public required string Actor { get; init; }
}

/// <summary>A change to an alert. Fields left null keep their value.</summary>
public sealed record AlertChange
{
    public required long AlertId { get; init; }
    public required int ExpectedVersion { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset At { get; init; }
    public AlertState? State { get; init; }
    public AlertPriority? Priority { get; init; }

    /// <summary>New assignee; use <see cref="Unassign"/> to clear it.</summary>
    public string? AssignedTo { get; init; }

    public bool Unassign { get; init; }
    public DateTimeOffset? FirstResponseDueAt { get; init; }
    public DateTimeOffset? ResolveDueAt { get; init; }
    public DateTimeOffset? FirstRespondedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? DismissReason { get; init; }

    /// <summary>The alert's reasons from now on, replacing the stored ones (a re-score changed why it matters).</summary>
    public IReadOnlyList<Reason>? Reasons { get; init; }

    public string? Note { get; init; }

    /// <summary>
    /// The mention that caused the change (a re-complaint reopening the case), kept on the audit row: routing then
    /// knows the mention is handled if it is handed over again.
    /// </summary>
    public long? MentionId { get; init; }
}

public sealed record OpenAlertQuery
{
    /// <summary>Teams whose queues to read; empty reads every team.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    public string? Brand { get; init; }
    public AlertPriority? MinPriority { get; init; }
    public AlertState? State { get; init; }
    public int Limit { get; init; } = 200;
}
