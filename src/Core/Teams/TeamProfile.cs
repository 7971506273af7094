namespace SocialWatch.Core.Teams;

/// <summary>
/// A team that works alerts, with the people in it and the hours it is staffed. SLA clocks that run in
/// business hours use the team's own time zone, so a Sydney team's Monday starts when Sydney's does.
/// </summary>
public sealed record TeamProfile
{
    public required string Name { get; init; }

    /// <summary>Who gets escalations (SLA breaches, broken promises).</summary>
    public string? LeadEmail { get; init; }

    /// <summary>IANA time zone id ("Europe/Berlin"); the working hours are local to it.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Staffed periods per weekday in the team's local time; empty means staffed around the clock.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingHours { get; init; } = [];

    public IReadOnlyList<TeamMember> Members { get; init; } = [];

    public AssignmentMode Assignment { get; init; } = AssignmentMode.Claim;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

public enum AssignmentMode
{
    /// <summary>Agents claim alerts from the team queue.</summary>
    Claim,

    /// <summary>New alerts go to the next member in turn who is below their capacity.</summary>
    RoundRobin,
}

/// <summary>One staffed stretch of a weekday, local time; <see cref="End"/> of midnight means end of day.</summary>
public sealed record WorkingPeriod(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public bool RunsToMidnight => End == TimeOnly.MinValue;
}

/// <summary>An agent in a team; <see cref="Capacity"/> caps how many open alerts automatic assignment gives them.</summary>
public sealed record TeamMember(string UserId, string? Email, int Capacity, bool Active = true);
