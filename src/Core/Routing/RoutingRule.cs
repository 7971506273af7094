using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Routing;

/// <summary>
/// One admin-edited routing rule. Rules are evaluated by ascending <see cref="Order"/>; the first enabled rule
/// whose conditions all hold decides what happens to the mention.
/// </summary>
public sealed record RoutingRule
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public int Order { get; init; }
    public bool Enabled { get; init; } = true;
    public RuleConditions Conditions { get; init; } = new();
    public RuleAction Action { get; init; } = RuleAction.Route;

    /// <summary>Team that gets the alert; required when <see cref="Action"/> is Route.</summary>
    public string? Team { get; init; }

    public AlertPriority Priority { get; init; } = AlertPriority.Normal;

    /// <summary>Name of the SLA policy whose deadlines apply; null uses the default policy.</summary>
    public string? SlaPolicy { get; init; }
}

public enum RuleAction
{
    /// <summary>Raise an alert for the rule's team.</summary>
    Route,

    /// <summary>Raise nothing (known noise); later rules and the default route are not consulted.</summary>
    Ignore,
}

/// <summary>
/// Conditions of a rule; every condition that is set must hold. Empty lists and nulls mean "any".
/// Text comparisons ignore case.
/// </summary>
public sealed record RuleConditions
{
    public IReadOnlyList<string> Brands { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Sentiment labels the mention must have one of.</summary>
    public IReadOnlyList<SentimentLabel> Sentiments { get; init; } = [];

    /// <summary>Lowest complaint probability, 0..1.</summary>
    public float? MinComplaint { get; init; }

    public EscalationLevel? MinEscalationLevel { get; init; }

    /// <summary>
    /// The mention must have at least one escalation reason whose code or text contains one of these terms
    /// ("legal_threat", "legal", "doubling").
    /// </summary>
    public IReadOnlyList<string> ReasonsAny { get; init; } = [];

    /// <summary>Lowest follower count of the author.</summary>
    public long? MinFollowers { get; init; }

    public bool? VerifiedAuthor { get; init; }

    /// <summary>The text must contain at least one of these words or phrases.</summary>
    public IReadOnlyList<string> KeywordsAny { get; init; } = [];
}

/// <summary>What routing decided for one mention.</summary>
public sealed record RouteDecision(string Team, AlertPriority Priority, string? SlaPolicy, string RuleName);
