using System.Globalization;
using System.Text.Json;

namespace SocialWatch.Alerts.Digests;

/// <summary>
/// Column values of the digest tables in their stored form, shared by the dialects; each dialect only converts
/// its time type. Enums are stored by name so that reordering an enum never changes data.
/// </summary>
internal static class DigestRows
{
    public static string ToJson(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static string SendAtText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly ParseSendAt(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    public static T ParseEnum<T>(string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidDataException($"Unknown {typeof(T).Name} '{value}' in the digest tables.");

    /// <summary>Parameters of a subscription row, times left to the dialect.</summary>
    public static object SubscriptionParameters(DigestSubscription s, object createdAt, object updatedAt) => new
    {
        s.Id,
        s.Name,
        Recipients = ToJson(s.Recipients),
        Brands = ToJson(s.Brands),
        Cadence = s.Cadence.ToString(),
        SendAt = SendAtText(s.SendAt),
        WeeklyOn = s.WeeklyOn.ToString(),
        s.Cron,
        TimeZone = s.TimeZoneId,
        s.Enabled,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };
}

/// <summary>A digest_subscriptions row; <typeparamref name="TTime"/> is the dialect's time type.</summary>
internal sealed class SubscriptionRow<TTime>
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Recipients { get; set; } = "[]";
    public string Brands { get; set; } = "[]";
    public string Cadence { get; set; } = "";
    public string SendAt { get; set; } = "";
    public string WeeklyOn { get; set; } = "";
    public string? Cron { get; set; }
    public string TimeZone { get; set; } = "";
    public bool Enabled { get; set; }
    public TTime CreatedAt { get; set; } = default!;
    public TTime UpdatedAt { get; set; } = default!;

    public DigestSubscription ToSubscription(Func<TTime, DateTimeOffset> time) => new()
    {
        Id = Id,
        Name = Name,
        Recipients = DigestRows.FromJson(Recipients),
        Brands = DigestRows.FromJson(Brands),
        Cadence = DigestRows.ParseEnum<DigestCadence>(Cadence),
        SendAt = DigestRows.ParseSendAt(SendAt),
        WeeklyOn = DigestRows.ParseEnum<DayOfWeek>(WeeklyOn),
        Cron = Cron,
        TimeZoneId = TimeZone,
        Enabled = Enabled,
        CreatedAt = time(CreatedAt),
        UpdatedAt = time(UpdatedAt),
    };
}

/// <summary>A digest_runs row; <typeparamref name="TTime"/> is the dialect's time type.</summary>
internal sealed class RunRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public TTime PeriodStart { get; set; }
    public TTime PeriodEnd { get; set; }
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public string Recipients { get; set; } = "[]";
    public string Brands { get; set; } = "[]";
    public string Subject { get; set; } = "";
    public string MessageId { get; set; } = "";
    public long Mentions { get; set; }
    public long NegativeMentions { get; set; }
    public int AlertsOpened { get; set; }
    public TTime UpdatedAt { get; set; }
    public TTime? SentAt { get; set; }
    public string? LastError { get; set; }

    public DigestRun ToRun(Func<TTime, DateTimeOffset> time) => new()
    {
        Id = Id,
        SubscriptionId = SubscriptionId,
        PeriodStart = time(PeriodStart),
        PeriodEnd = time(PeriodEnd),
        State = DigestRows.ParseEnum<DigestRunState>(State),
        Attempts = Attempts,
        Recipients = DigestRows.FromJson(Recipients),
        Brands = DigestRows.FromJson(Brands),
        Subject = Subject,
        MessageId = MessageId,
        Mentions = Mentions,
        NegativeMentions = NegativeMentions,
        AlertsOpened = AlertsOpened,
        UpdatedAt = time(UpdatedAt),
        SentAt = SentAt is { } sent ? time(sent) : null,
        LastError = LastError,
    };
}
