using System.ComponentModel.DataAnnotations;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Routing;

/// <summary>The default route, used when no rule matches a mention that looks like a complaint.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Alerts:Routing";

    [Required]
    public string DefaultTeam { get; set; } = "social-care";

    public AlertPriority DefaultPriority { get; set; } = AlertPriority.Normal;

    /// <summary>
    /// On the default route, a high escalation raises the priority to at least High and a critical one to Urgent,
    /// so a team without rules still sees the risky complaints first.
    /// </summary>
    public bool PriorityFollowsEscalation { get; set; } = true;

    public string? DefaultSlaPolicy { get; set; }

    /// <summary>A mention no rule matched becomes an alert only at or above this complaint probability.</summary>
    [Range(0.0, 1.0)]
    public double DefaultRouteMinComplaint { get; set; } = 0.5;

    /// <summary>Escalation at or above this level also takes the default route, complaint or not.</summary>
    public EscalationLevel DefaultRouteMinEscalation { get; set; } = EscalationLevel.High;
}
