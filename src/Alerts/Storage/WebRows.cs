using SocialWatch.Alerts.Access;
using SocialWatch.Alerts.Insights;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Storage;

// Rows of the web tables and read models as Dapper reads them, shared by the dialects. TTime is the column type
// a dialect stores times in (long unix milliseconds in SQLite, UTC DateTime elsewhere).

/// <summary>Roles and scopes are kept as one comma-separated column: a short, closed list read with the row.</summary>
internal static class UserRoles
{
    public static string Join(IReadOnlyList<string> values) => string.Join(',', values);

    public static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class UserRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? PasswordHash { get; set; }
    public string? Roles { get; set; }
    public bool Disabled { get; set; }
    public TTime CreatedAt { get; set; }

    public WebUser ToUser(Func<TTime, DateTimeOffset> time) => new()
    {
        Id = Id,
        UserName = UserName,
        DisplayName = DisplayName,
        Email = Email,
        PasswordHash = PasswordHash,
        Roles = UserRoles.Split(Roles),
        Disabled = Disabled,
        CreatedAt = time(CreatedAt),
    };
}

internal sealed class ApiKeyRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public string? Scopes { get; set; }
    public string CreatedBy { get; set; } = "";
    public TTime CreatedAt { get; set; }
    public TTime? LastUsedAt { get; set; }
    public TTime? RevokedAt { get; set; }

    public ApiKey ToApiKey(Func<TTime, DateTimeOffset> time) => new()
    {
        Id = Id,
        Name = Name,
        Prefix = Prefix,
        Hash = Hash,
        Scopes = UserRoles.Split(Scopes),
        CreatedBy = CreatedBy,
        CreatedAt = time(CreatedAt),
        LastUsedAt = LastUsedAt is { } used ? time(used) : null,
        RevokedAt = RevokedAt is { } revoked ? time(revoked) : null,
    };
}

internal sealed class AdminAuditRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public string Actor { get; set; } = "";
    public TTime At { get; set; }
    public string Area { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Detail { get; set; }

    public AdminAuditEntry ToEntry(Func<TTime, DateTimeOffset> time) => new(Id, Actor, time(At), Area, Subject, Action, Detail);
}

/// <summary>The mention half of a queue row; <see cref="MId"/> is null for alerts without a mention.</summary>
internal sealed class QueueMentionRow<TTime>
    where TTime : struct
{
    public long? MId { get; set; }
    public string? Source { get; set; }
    public string? Text { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorHandle { get; set; }
    public string? AuthorDisplayName { get; set; }
    public long AuthorFollowers { get; set; }
    public bool AuthorVerified { get; set; }
    public string? Url { get; set; }
    /// <summary>Summed as floating point in SQL, so that counters stored before the bounds cannot overflow the query.</summary>
    public double? Engagement { get; set; }
    public float? EscalationScore { get; set; }
    public string? EscalationLevel { get; set; }
    public float? PNegative { get; set; }
    public TTime? MCreatedAt { get; set; }

    public QueueMention? ToMention(Func<TTime, DateTimeOffset> time) => MId is not { } id
        ? null
        : new QueueMention(
            id,
            Source ?? "",
            Text ?? "",
            AuthorId ?? "",
            AuthorHandle ?? "",
            AuthorDisplayName,
            AuthorFollowers,
            AuthorVerified,
            Url,
            Engagement is not { } engagement || double.IsNaN(engagement) ? 0 : engagement >= long.MaxValue ? long.MaxValue : (long)Math.Max(0, engagement),
            EscalationScore is { } score && float.IsFinite(score) ? score : 0,
            Enum.TryParse<EscalationLevel>(EscalationLevel, out var level) ? level : Core.Scoring.EscalationLevel.Low,
            PNegative ?? 0,
            MCreatedAt is { } created ? time(created) : default);
}

internal sealed class VolumeRow
{
    public string Brand { get; set; } = "";
    public long Hour { get; set; }
    public int Mentions { get; set; }
    public int Negative { get; set; }
}

internal sealed class SlaRow
{
    public int Open { get; set; }
    public int Breached { get; set; }
    public int DueSoon { get; set; }
    public int NoDeadline { get; set; }

    public SlaSummary ToSummary() => new(Open, Breached, DueSoon, Open - Breached - DueSoon - NoDeadline, NoDeadline);
}

internal sealed class HistoryRow<TTime>
    where TTime : struct
{
    public long MentionId { get; set; }
    public string Text { get; set; } = "";
    public TTime CreatedAt { get; set; }
    public string? AlertState { get; set; }
    public string? DismissReason { get; set; }

    public AuthorHistoryItem ToItem(Func<TTime, DateTimeOffset> time) =>
        new(MentionId, Text, time(CreatedAt), Enum.TryParse<AlertState>(AlertState, out var state) ? state : null, DismissReason);
}

internal sealed class SpikeRow<TTime>
    where TTime : struct
{
    public long AlertId { get; set; }
    public string Brand { get; set; } = "";
    public TTime At { get; set; }
}

internal sealed class CountRow
{
    public string Key { get; set; } = "";
    public long Count { get; set; }

    public CountBy ToCount() => new(Key, (int)Count);
}

/// <summary>
/// One group of stored reasons as the reason queries return it: a code (reasons stored as objects) or a legacy
/// label (plain strings, before reasons had codes), and how often it was given.
/// </summary>
internal sealed class ReasonKeyRow
{
    public string? Code { get; set; }
    public string? Legacy { get; set; }
    public long Count { get; set; }

    /// <summary>
    /// Folds legacy labels into the code they derive to ("complaint (96%)" and "complaint (62%)" are both
    /// <c>complaint</c>), most frequent first, ties by code. SQL groups the rows; only the few legacy labels left
    /// are mapped here, so the mapping lives once, beside the one that reads legacy rows.
    /// </summary>
    public static IReadOnlyList<(string Code, long Count)> ByCode(IEnumerable<ReasonKeyRow> rows) =>
    [
        .. rows
            .Select(r => (Code: r.Code ?? (r.Legacy is { } legacy ? LegacyReasons.FromText(legacy).Code : null), r.Count))
            .Where(r => !string.IsNullOrEmpty(r.Code))
            .GroupBy(r => r.Code!, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Code, StringComparer.Ordinal),
    ];
}
