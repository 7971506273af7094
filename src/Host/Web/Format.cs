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

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "<1 min",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
