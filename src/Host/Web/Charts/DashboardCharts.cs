using ScottPlot;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Host.Web.Charts;

/// <summary>
/// Draws the dashboard's charts as SVG with ScottPlot. Served as images, so labels built from stranger-written
/// data (brand names, reasons) can never run as script in the page.
/// </summary>
public sealed class DashboardCharts
{
    public const int Width = 640;
    public const int Height = 280;

    /// <summary>Named in the SVG, so the browser draws it with the page's own sans-serif family.</summary>
    private const string FontName = "DejaVu Sans";

    private static readonly Color[] Palette =
    [
        Color.FromHex("#2563eb"), Color.FromHex("#d97706"), Color.FromHex("#059669"), Color.FromHex("#7c3aed"),
        Color.FromHex("#db2777"), Color.FromHex("#0891b2"), Color.FromHex("#65a30d"), Color.FromHex("#9ca3af"),
    ];

    /// <summary>Mentions per hour per brand, with spike alerts marked by red vertical lines.</summary>
    public string Volume(IReadOnlyList<VolumeBucket> buckets, IReadOnlyList<SpikeMark> spikes, DateTimeOffset since, DateTimeOffset until)
    {
        var plot = NewPlot("Mentions per hour", "mentions");
        AddSeries(plot, buckets, b => b.Mentions);
        foreach (var spike in spikes)
        {
            var line = plot.Add.VerticalLine(spike.At.UtcDateTime.ToOADate());
            line.Color = Color.FromHex("#dc2626");
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
        }

        if (spikes.Count > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "spike", LineColor = Color.FromHex("#dc2626"), LineWidth = 2, LinePattern = LinePattern.Dashed });
        }

        FinishTimeAxis(plot, since, until);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Share of negative mentions per hour per brand, in percent.</summary>
    public string NegativeShare(IReadOnlyList<VolumeBucket> buckets, DateTimeOffset since, DateTimeOffset until)
    {
        var plot = NewPlot("Negative share per hour", "% negative");
        AddSeries(plot, buckets, b => b.Mentions == 0 ? 0 : 100.0 * b.Negative / b.Mentions);
        FinishTimeAxis(plot, since, until);
        plot.Axes.SetLimitsY(0, 100);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Horizontal bars of counts, largest at the top.</summary>
    /// <summary>Open alerts per reason: counted by stable code, labelled with the code's display name.</summary>
    public string Reasons(IReadOnlyList<CountBy> byCode) =>
        Breakdown("Open alerts by complaint reason", [.. byCode.Select(c => c with { Key = ReasonCodes.DisplayName(c.Key) })]);

    public string Breakdown(string title, IReadOnlyList<CountBy> counts)
    {
        var plot = NewPlot(title, null);
        var ordered = counts.OrderBy(c => c.Count).ToList();
        if (ordered.Count == 0)
        {
            return Empty(plot, "nothing in this window");
        }

        var bars = ordered.Select((c, i) => new Bar
        {
            Position = i,
            Value = c.Count,
            FillColor = Palette[0],
            Label = c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontSize = 11;
        plot.Axes.Left.SetTicks([.. ordered.Select((_, i) => (double)i)], [.. ordered.Select(c => Shorten(c.Key, 28))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.05, top: 0.05);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Open alerts by SLA status.</summary>
    public string Sla(SlaSummary summary)
    {
        var plot = NewPlot("Open alerts by SLA status", "alerts");
        (string Label, int Value, string Color)[] parts =
        [
            ("breached", summary.Breached, "#dc2626"),
            ("due soon", summary.DueSoon, "#d97706"),
            ("on track", summary.OnTrack, "#059669"),
            ("no deadline", summary.NoDeadline, "#9ca3af"),
        ];
        var bars = parts.Select((p, i) => new Bar
        {
            Position = i,
            Value = p.Value,
            FillColor = Color.FromHex(p.Color),
            Label = p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. parts.Select((_, i) => (double)i)], [.. parts.Select(p => p.Label)]);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>
    /// Total engagement of one mention: zero when it was posted, then each refresh (or, before the first refresh, the
    /// counters read at ingest).
    /// </summary>
    public string Engagement(IReadOnlyList<EngagementSnapshot> snapshots, StoredMention mention)
    {
        var plot = NewPlot("Engagement over time", "interactions");
        var m = mention.Mention;
        // A post cannot be older than its first reading; a date from before the bounds existed (9999-12-31) is drawn at it.
        var created = m.IngestedAt != default && m.CreatedAt > m.IngestedAt ? m.IngestedAt : m.CreatedAt;
        var readings = snapshots.Count > 0
            ? snapshots.Select(s => (At: s.At, Total: (double)s.Metrics.Total))
            : [(At: m.IngestedAt > created ? m.IngestedAt : created.AddTicks(Math.Min(TimeSpan.TicksPerMinute, DateTimeOffset.MaxValue.UtcTicks - created.UtcTicks)), Total: (double)m.Metrics.Total)];
        var points = readings.Prepend((At: created, Total: 0)).OrderBy(p => p.At).ToList();
        var line = plot.Add.Scatter(points.Select(p => p.At.UtcDateTime.ToOADate()).ToArray(), points.Select(p => p.Total).ToArray());
        line.Color = Palette[0];
        line.LineWidth = 2;
        line.MarkerSize = 6;
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(bottom: 0);
        return plot.GetSvgXml(Width, 220);
    }

    private static Plot NewPlot(string title, string? yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 14);
        if (yLabel is not null)
        {
            plot.YLabel(yLabel, size: 12);
        }

        plot.Axes.Title.Label.Bold = false;
        return plot;
    }

    private static void AddSeries(Plot plot, IReadOnlyList<VolumeBucket> buckets, Func<VolumeBucket, double> value)
    {
        var brands = buckets.GroupBy(b => b.Brand, StringComparer.Ordinal).OrderByDescending(g => g.Sum(b => b.Mentions)).ToList();
        for (var i = 0; i < brands.Count; i++)
        {
            var points = brands[i].OrderBy(b => b.Hour).ToList();
            var series = plot.Add.Scatter(points.Select(b => b.Hour.UtcDateTime.ToOADate()).ToArray(), points.Select(value).ToArray());
            series.LegendText = Shorten(brands[i].Key, 24);
            series.Color = Palette[Math.Min(i, Palette.Length - 1)];
            series.LineWidth = 2;
            series.MarkerSize = 3;
        }

        if (brands.Count > 0)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }
    }

    private static void FinishTimeAxis(Plot plot, DateTimeOffset since, DateTimeOffset until)
    {
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsX(since.UtcDateTime.ToOADate(), until.UtcDateTime.ToOADate());
        plot.Axes.Bottom.Label.Text = "UTC";
        plot.Axes.Bottom.Label.FontSize = 11;
    }

    private static string Empty(Plot plot, string message)
    {
        var text = plot.Add.Text(message, 0, 0);
        text.LabelFontSize = 14;
        text.LabelFontColor = Color.FromHex("#6b7280");
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        plot.HideGrid();
        return plot.GetSvgXml(Width, Height);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
