using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Storage;

/// <summary>Why a mention became an escalation label.</summary>
public enum EscalationOutcomeKind
{
    /// <summary>A person raised its alert above the priority the alert was created with (positive).</summary>
    RaisedByPerson,

    /// <summary>It went on to large engagement for its author's reach (positive).</summary>
    Spread,

    /// <summary>An agent dismissed its alert as not a complaint or as spam (negative).</summary>
    DismissedAsNoRisk,
}

/// <summary>
/// An escalation label the product recorded, with the context the scorer saw before the outcome was known (author,
/// metrics and velocity from the snapshots taken by the decision time).
/// </summary>
public sealed record EscalationOutcome(long MentionId, EscalationOutcomeKind Kind, bool Escalate, ScoringInput Input);

/// <summary>Which outcomes count, newest mentions first.</summary>
public sealed record EscalationOutcomeQuery
{
    /// <summary>A mention spread when its peak interactions reach this many...</summary>
    public long MinInteractions { get; init; } = 200;

    /// <summary>...and this share of its author's followers.</summary>
    public double ReachShare { get; init; } = 0.05;

    /// <summary>Only complaints (at least this probability) or negative mentions can count as spread.</summary>
    public double MinComplaint { get; init; } = 0.5;

    /// <summary>A spread label's context is the snapshots taken within this time of ingestion.</summary>
    public TimeSpan ContextWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many alert outcomes and this many spread outcomes are read.</summary>
    public int Limit { get; init; } = 20_000;
}

/// <summary>Reads escalation outcome labels for training the escalation weights.</summary>
public interface IEscalationOutcomeStore
{
    /// <summary>One label per mention; where a mention has several, a positive one wins.</summary>
    Task<IReadOnlyList<EscalationOutcome>> GetAsync(EscalationOutcomeQuery query, CancellationToken cancellationToken);
}
