using System.Globalization;

namespace SocialWatch.Host.Web;

/// <summary>Small display helpers shared by the pages.</summary>
public static class Format
{
    public static string Count(long value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1_000d).ToString("0", CultureInfo.InvariantCulture) + "k",
        >= 1_000 => (value / 1_000d).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Due(DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is not { } at)
        {
            return "—";
        }

        var left = at - now;
        return left < TimeSpan.Zero ? $"overdue {Span(-left)}" : $"in {Span(left)}";
    }

    public static string DueClass(DateTimeOffset? due, DateTimeOffset now) => due switch
    {
        null => "due none",
        { } at when at < now => "due breached",
        { } at when at - now < TimeSpan.FromMinutes(30) => "due soon",
        _ => "due ok",
    };

    /// <summary>A length of time in the largest units that matter: "<1 min", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan span) => Span(span < TimeSpan.Zero ? -span : span);

    /// <summary>A doubling time as a PR person reads it: "9 min", "1.5 h".</summary>
    public static string Doubling(TimeSpan doubling) =>
        doubling.TotalHours < 1 ? $"{Math.Max(1, (int)doubling.TotalMinutes)} min" : doubling.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";

    /// <summary>Interactions per hour: "1.2k/h" (the views put the plus sign in their markup).</summary>
    public static string PerHour(double perHour) => Count((long)Math.Min(long.MaxValue, Math.Max(0, perHour))) + "/h";

    /// <summary>The start of a long text for a table cell, cut at a word where one is near; the view encodes it.</summary>
    public static string Excerpt(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        var end = cut > length / 2 ? cut : length;

        // Never half an emoji.
        if (char.IsHighSurrogate(flat[end - 1]))
        {
            end--;
        }

        return flat[..end] + "…";
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "<1 min",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
