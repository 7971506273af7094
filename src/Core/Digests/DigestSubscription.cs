namespace SocialWatch.Core.Digests;

/// <summary>How often a digest is sent.</summary>
public enum DigestCadence
{
    /// <summary>Every day at <see cref="DigestSubscription.SendAt"/> local time.</summary>
    Daily,

    /// <summary>Every week on <see cref="DigestSubscription.WeeklyOn"/> at <see cref="DigestSubscription.SendAt"/> local time.</summary>
    Weekly,

    /// <summary>On the occurrences of a 5-field cron expression, read in the subscription's time zone.</summary>
    Custom,
}

/// <summary>
/// Who gets a digest, about which brands, and when. Each digest covers the time between two consecutive
/// send times, so consecutive digests neither overlap nor leave a gap.
/// </summary>
public sealed record DigestSubscription
{
    public long Id { get; init; }

    /// <summary>Label shown in the admin settings and in the subject line.</summary>
    public required string Name { get; init; }

    /// <summary>E-mail addresses the digest goes to.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>Brands the digest covers; empty covers every brand.</summary>
    public IReadOnlyList<string> Brands { get; init; } = [];

    public DigestCadence Cadence { get; init; }

    /// <summary>Local time of day the digest is sent (daily and weekly cadences).</summary>
    public TimeOnly SendAt { get; init; } = new(8, 0);

    /// <summary>Day of the week a weekly digest is sent.</summary>
    public DayOfWeek WeeklyOn { get; init; } = DayOfWeek.Monday;

    /// <summary>5-field cron expression of a custom cadence (minute hour day-of-month month day-of-week).</summary>
    public string? Cron { get; init; }

    /// <summary>IANA time zone id (e.g. "Europe/London") the send times and chart labels are read in.</summary>
    public required string TimeZoneId { get; init; }

    public bool Enabled { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
