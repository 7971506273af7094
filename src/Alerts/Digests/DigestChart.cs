using ScottPlot;

namespace SocialWatch.Alerts.Digests;

/// <summary>Draws the period's volume bars with the negative share as a line on a second axis, as a PNG.</summary>
public static class DigestChart
{
    public const int Width = 600;
    public const int Height = 260;

    private static readonly Color VolumeColor = Color.FromHex("#5B8DEF");
    private static readonly Color NegativeColor = Color.FromHex("#D64545");

    /// <summary>Renders the chart; returns null for a quiet period, which gets a sentence instead of an empty chart.</summary>
    public static byte[]? Render(DigestReport report)
    {
        if (report.IsQuiet || report.Series.Count == 0)
        {
            return null;
        }

        var plot = new Plot();

        // Drawn at twice the displayed size so the chart stays sharp on high-density screens.
        plot.ScaleFactor = 2;
        if (SansFont.Value is { } font)
        {
            plot.Font.Set(font);
        }

        var series = report.Series;

        var bars = plot.Add.Bars(series.Select(b => (double)b.Mentions).ToArray());
        bars.Color = VolumeColor;
        bars.LegendText = "Mentions";
        foreach (var bar in bars.Bars)
        {
            bar.LineWidth = 0;
            bar.Size = 0.8;
        }

        var withMentions = Enumerable.Range(0, series.Count).Where(i => series[i].Mentions > 0).ToArray();
        var share = plot.Add.Scatter(
            withMentions.Select(i => (double)i).ToArray(),
            withMentions.Select(i => series[i].NegativeShare!.Value * 100).ToArray());
        share.Color = NegativeColor;
        share.LineWidth = 2;
        share.MarkerSize = series.Count <= 31 ? 5 : 0;
        share.LegendText = "Negative share (%)";
        share.Axes.YAxis = plot.Axes.Right;

        // Label at most ~12 ticks so hourly charts stay readable.
        var step = Math.Max(1, (int)Math.Ceiling(series.Count / 12.0));
        var positions = Enumerable.Range(0, series.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(
            positions.Select(i => (double)i).ToArray(),
            positions.Select(i => series[i].Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Right.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.Label.Text = "Mentions";
        plot.Axes.Left.Label.FontSize = 12;
        plot.Axes.Right.Label.Text = "Negative %";
        plot.Axes.Right.Label.FontSize = 12;

        var maxVolume = series.Max(b => b.Mentions);
        plot.Axes.SetLimitsY(0, Math.Max(1, maxVolume) * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 100, plot.Axes.Right);
        plot.Axes.SetLimitsX(-0.6, series.Count - 0.4);

        plot.Grid.MajorLineColor = Color.FromHex("#E6E8EB");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 11;

        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    // The default typeface lookup can land on a serif font on Linux; the e-mail text is sans-serif.
    private static readonly Lazy<string?> SansFont = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "Arial", "Helvetica", "Liberation Sans", "DejaVu Sans", "Lato" }.FirstOrDefault(installed.Contains);
    });
}
