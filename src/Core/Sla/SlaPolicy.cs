using SocialWatch.Core.Alerts;

namespace SocialWatch.Core.Sla;

/// <summary>Named set of deadlines per priority (admins keep several, e.g. "standard" and "vip").</summary>
public sealed record SlaPolicy
{
    public required string Name { get; init; }

    public IReadOnlyList<SlaTarget> Targets { get; init; } = [];

    public SlaTarget? For(AlertPriority priority) => Targets.FirstOrDefault(t => t.Priority == priority);

    /// <summary>Sensible defaults: urgent work runs around the clock, the rest in the team's working hours.</summary>
    public static SlaPolicy Default { get; } = new()
    {
        Name = "default",
        Targets =
        [
            new(AlertPriority.Urgent, TimeSpan.FromMinutes(30), TimeSpan.FromHours(4), BusinessHoursOnly: false),
            new(AlertPriority.High, TimeSpan.FromHours(1), TimeSpan.FromHours(8), BusinessHoursOnly: true),
            new(AlertPriority.Normal, TimeSpan.FromHours(4), TimeSpan.FromHours(24), BusinessHoursOnly: true),
            new(AlertPriority.Low, TimeSpan.FromHours(8), TimeSpan.FromHours(72), BusinessHoursOnly: true),
        ],
    };
}

/// <summary>Deadlines for one priority: time to first response and to resolution.</summary>
/// <param name="BusinessHoursOnly">True when the clock only runs in the team's working hours.</param>
public sealed record SlaTarget(AlertPriority Priority, TimeSpan FirstResponse, TimeSpan Resolution, bool BusinessHoursOnly);

/// <summary>Both deadlines of an alert.</summary>
public sealed record SlaDeadlines(DateTimeOffset FirstResponseDueAt, DateTimeOffset ResolveDueAt);
