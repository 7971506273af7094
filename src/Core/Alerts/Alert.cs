using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Alerts;

/// <summary>Where an alert is in the care team's workflow.</summary>
public enum AlertState
{
    New,
    Acknowledged,
    Responded,
    Resolved,
    Dismissed,
}

/// <summary>Urgency of an alert; higher sorts first in a queue.</summary>
public enum AlertPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>What raised the alert.</summary>
public enum AlertKind
{
    /// <summary>A mention routed by the rules.</summary>
    Mention,

    /// <summary>A volume or negativity spike for a brand.</summary>
    Spike,

    /// <summary>A promise to a customer that was not kept by its due time.</summary>
    BrokenPromise,

    /// <summary>Something an operator must fix (a source stopped, a budget ran out).</summary>
    Operator,
}

/// <summary>One item in a team's queue.</summary>
public sealed record Alert
{
    public long Id { get; init; }
    public AlertKind Kind { get; init; }

    /// <summary>The mention that raised it; null for spike and operator alerts.</summary>
    public long? MentionId { get; init; }

    public required string Brand { get; init; }
    public required string Team { get; init; }
    public AlertPriority Priority { get; init; }
    public AlertState State { get; init; }

    /// <summary>Short headline; may quote untrusted text, so encode when shown.</summary>
    public required string Title { get; init; }

    /// <summary>Why it was raised (escalation reasons, rule name...).</summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    public string? AssignedTo { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FirstResponseDueAt { get; init; }
    public DateTimeOffset? ResolveDueAt { get; init; }

    /// <summary>Name of the SLA policy the routing rule chose; null for the default policy.</summary>
    public string? SlaPolicy { get; init; }

    public DateTimeOffset? FirstRespondedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? DismissReason { get; init; }

    /// <summary>Optimistic concurrency token: incremented by every change.</summary>
    public int Version { get; init; }

    public bool IsOpen => State is not (AlertState.Resolved or AlertState.Dismissed);
}

/// <summary>A team that works alerts (social care, PR, legal...).</summary>
public sealed record Team(string Name, string? LeadEmail);

/// <summary>One audited change to an alert: who, when, from, to, and a note.</summary>
public sealed record AuditEntry(long Id, long AlertId, string Actor, DateTimeOffset At, AlertState? From, AlertState To, string? Note);
