using SocialWatch.Core.Alerts;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Storage;

// Rows of the web read models as Dapper reads them, shared by the dialects. Time columns are read as object and
// converted by SqlDialect.FromDb, the one place that knows how each provider hands them back.

/// <summary>Roles and scopes are kept as one comma-separated column: a short, closed list read with the row.</summary>
internal static class UserRoles
{
    public static string Join(IReadOnlyList<string> values) => string.Join(',', values);

    public static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
