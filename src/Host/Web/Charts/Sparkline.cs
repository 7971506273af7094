using System.Globalization;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Host.Web.Charts;

/// <summary>
/// A mention's interactions over time as a few numbers for an inline SVG line (<c>Pages/Shared/_Sparkline.cshtml</c>):
/// drawn on the server, so a row needs no script and no image request. Only figures go into it; the partial encodes
/// the label like any other text.
/// </summary>
/// <param name="Points">The polyline's points, "x,y x,y", in the view box's units.</param>
/// <param name="LastX">Where the latest reading is marked.</param>
/// <param name="Label">The figures in words, for the SVG's title and aria-label.</param>
public sealed record Sparkline(int Width, int Height, string Points, string LastX, string LastY, string Label)
{
    /// <summary>More points than a small line can show only make the page heavier; a longer series is thinned evenly.</summary>
    public const int MaxPoints = 60;

    public const int DefaultWidth = 120;
    public const int DefaultHeight = 28;

    /// <summary>Keeps the line and its end marker clear of the edges.</summary>
    private const double Pad = 3;

    /// <summary>Null without snapshots; one snapshot is a lone marker.</summary>
    public static Sparkline? From(IReadOnlyList<EngagementSnapshot> snapshots, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 8);
        if (snapshots.Count == 0)
        {
            return null;
        }

        var ordered = Thin(snapshots.OrderBy(s => s.At).ToList());
        var totals = ordered.Select(s => (double)Math.Max(0, s.Metrics.Total)).ToList();
        var first = ordered[0].At;
        var span = ordered[^1].At - first;
        var low = totals.Min();
        var high = totals.Max();
        var points = new List<(double X, double Y)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            // Snapshots all read at one moment are spread evenly rather than stacked on one x.
            var across = span > TimeSpan.Zero ? (ordered[i].At - first) / span : ordered.Count > 1 ? (double)i / (ordered.Count - 1) : 1;
            var up = high > low ? (totals[i] - low) / (high - low) : 0.5;
            points.Add((Pad + across * (width - 2 * Pad), height - Pad - up * (height - 2 * Pad)));
        }

        return new Sparkline(
            width,
            height,
            string.Join(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}")),
            Number(points[^1].X),
            Number(points[^1].Y),
            Describe(ordered, totals));
    }

    private static List<EngagementSnapshot> Thin(List<EngagementSnapshot> ordered)
    {
        if (ordered.Count <= MaxPoints)
        {
            return ordered;
        }

        // Evenly spaced readings, always keeping the first and the latest.
        return [.. Enumerable.Range(0, MaxPoints).Select(i => ordered[(int)Math.Round(i * (ordered.Count - 1) / (double)(MaxPoints - 1))])];
    }

    private static string Describe(List<EngagementSnapshot> ordered, List<double> totals)
    {
        var latest = Format.Count((long)totals[^1]);
        if (ordered.Count == 1)
        {
            return $"Interactions: {latest} (one reading so far)";
        }

        var span = ordered[^1].At - ordered[0].At;
        return $"Interactions over {Format.Duration(span)}: {Format.Count((long)totals[0])} to {latest} ({ordered.Count} readings)";
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
