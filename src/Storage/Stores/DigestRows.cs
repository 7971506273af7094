using System.Globalization;
using System.Text.Json;
using SocialWatch.Core.Digests;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// Column values of the digest tables in their stored form, shared by the dialects; times go through
/// <see cref="SqlDialect"/>. Enums are stored by name so that reordering an enum never changes data.
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

    /// <summary>Parameters of a run row, times already in the dialect's form.</summary>
    public static object RunParameters(DigestRun run, object periodStart, object periodEnd, object updatedAt) => new
    {
        run.SubscriptionId,
        PeriodStart = periodStart,
        PeriodEnd = periodEnd,
        Recipients = ToJson(run.Recipients),
        Brands = ToJson(run.Brands),
        run.Subject,
        run.MessageId,
        run.Mentions,
        run.NegativeMentions,
        run.AlertsOpened,
        UpdatedAt = updatedAt,
    };

    /// <summary>A state change of a claimed run that touches no row means another run took it over: fail loudly.</summary>
    public static void ExpectOne(int rows, long runId)
    {
        if (rows != 1)
        {
            throw new InvalidOperationException($"Digest run {runId} was not in the Sending state any more.");
        }
    }

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

/// <summary>A digest_subscriptions row; times are whatever the dialect's provider hands back (see <see cref="SqlDialect.FromDb"/>).</summary>
internal sealed class SubscriptionRow
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
    public object CreatedAt { get; set; } = 0L;
    public object UpdatedAt { get; set; } = 0L;

    public DigestSubscription ToSubscription() => new()
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
        CreatedAt = SqlDialect.FromDb(CreatedAt),
        UpdatedAt = SqlDialect.FromDb(UpdatedAt),
    };
}

/// <summary>A digest_runs row; times are whatever the dialect's provider hands back.</summary>
internal sealed class RunRow
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public object PeriodStart { get; set; } = 0L;
    public object PeriodEnd { get; set; } = 0L;
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public string Recipients { get; set; } = "[]";
    public string Brands { get; set; } = "[]";
    public string Subject { get; set; } = "";
    public string MessageId { get; set; } = "";
    public long Mentions { get; set; }
    public long NegativeMentions { get; set; }
    public int AlertsOpened { get; set; }
    public object UpdatedAt { get; set; } = 0L;
    public object? SentAt { get; set; }
    public string? LastError { get; set; }

    public DigestRun ToRun() => new()
    {
        Id = Id,
        SubscriptionId = SubscriptionId,
        PeriodStart = SqlDialect.FromDb(PeriodStart),
        PeriodEnd = SqlDialect.FromDb(PeriodEnd),
        State = DigestRows.ParseEnum<DigestRunState>(State),
        Attempts = Attempts,
        Recipients = DigestRows.FromJson(Recipients),
        Brands = DigestRows.FromJson(Brands),
        Subject = Subject,
        MessageId = MessageId,
        Mentions = Mentions,
        NegativeMentions = NegativeMentions,
        AlertsOpened = AlertsOpened,
        UpdatedAt = SqlDialect.FromDb(UpdatedAt),
        SentAt = SqlDialect.FromDbNullable(SentAt),
        LastError = LastError,
    };
}

/// <summary>A top-risk row as every dialect returns it (scores as double, priority as bigint).</summary>
internal sealed class RiskDbRow
{
    public long AlertId { get; set; }
    public string Title { get; set; } = "";
    public string Brand { get; set; } = "";
    public double Score { get; set; }
    public long Priority { get; set; }

    public RiskRow ToRisk() => new(AlertId, Title, Brand, Score, (int)Priority);
}

/// <summary>A spike row; the time is whatever the dialect's provider hands back.</summary>
internal sealed class SpikeDbRow
{
    public long AlertId { get; set; }
    public string Title { get; set; } = "";
    public string Brand { get; set; } = "";
    public object CreatedAt { get; set; } = 0L;

    public SpikeRow ToSpike() => new(AlertId, Title, Brand, SqlDialect.FromDb(CreatedAt));
}

/// <summary>The alert counts of a period, as bigint in every dialect.</summary>
internal sealed class AlertCountsRow
{
    public long Opened { get; set; }
    public long Resolved { get; set; }
    public long StillOpen { get; set; }
    public long FirstResponseBreaches { get; set; }
    public long ResolveBreaches { get; set; }
    public long BrokenPromises { get; set; }

    public AlertCounts ToCounts() =>
        new((int)Opened, (int)Resolved, (int)StillOpen, (int)FirstResponseBreaches, (int)ResolveBreaches, (int)BrokenPromises);
}

/// <summary>Mentions per bucket, as bigint in every dialect.</summary>
internal sealed class VolumeDbRow
{
    public long Bucket { get; set; }
    public long Mentions { get; set; }
    public long Negative { get; set; }

    public VolumeCount ToVolume() => new(Bucket, Mentions, Negative);
}


