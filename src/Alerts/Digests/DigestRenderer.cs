using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SocialWatch.Alerts.Digests;

/// <summary>Where the chart image of the HTML part comes from.</summary>
public enum ChartEmbedding
{
    /// <summary>An inline MIME part referenced as <c>cid:</c> (e-mail).</summary>
    ContentId,

    /// <summary>A <c>data:</c> URI inside the HTML (the preview in the web UI, where cid: does not resolve).</summary>
    DataUri,
}

/// <summary>A digest ready to send or show.</summary>
/// <param name="ChartPng">The chart, or null for a quiet period.</param>
public sealed record RenderedDigest(string Subject, string Html, string Text, byte[]? ChartPng, string ChartContentId);

/// <summary>
/// Turns a <see cref="DigestReport"/> into an HTML e-mail (table layout and inline styles only, because mail clients
/// drop style sheets and scripts) and a plain-text twin. Every string that a stranger could have influenced
/// (alert titles quote mentions, reasons, brand names) is HTML-encoded; links are written only for http(s).
/// </summary>
public static class DigestRenderer
{
    public const string ChartContentId = "volume-chart@socialwatch";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    private const string Font = "font-family:Arial,Helvetica,sans-serif;";
    private const string Muted = "color:#6B7280;";
    // overflow-wrap: a stranger's 300-character URL must wrap instead of pushing the table off the screen.
    private const string Cell = "padding:8px 10px;border-bottom:1px solid #E5E7EB;" + Font + "font-size:14px;color:#111827;";
    private const string TextCell = Cell + "overflow-wrap:anywhere;word-break:break-word;";
    private const string NoWrap = "white-space:nowrap;";
    private const int LongestTitle = 160;
    private const string HeadCell = "padding:8px 10px;border-bottom:2px solid #D1D5DB;text-align:left;" + Font + "font-size:12px;color:#6B7280;text-transform:uppercase;";

    public static RenderedDigest Render(DigestReport report, ChartEmbedding embedding)
    {
        var chart = DigestChart.Render(report);
        var subject = Subject(report);
        var chartSource = chart is null
            ? null
            : embedding == ChartEmbedding.ContentId
                ? "cid:" + ChartContentId
                : "data:image/png;base64," + Convert.ToBase64String(chart);
        return new RenderedDigest(subject, Html(report, subject, chartSource), Text(report), chart, ChartContentId);
    }

    internal static string Subject(DigestReport report)
    {
        var headline = report.IsQuiet
            ? "quiet period, no mentions"
            : $"{report.Volume.Mentions.ToString("N0", Culture)} mentions, {Percent(report.Volume.NegativeShare)} negative";
        var subject = $"SocialWatch digest: {report.SubscriptionName}, {PeriodText(report, compact: true)}: {headline}";

        // A subscription name is typed by an admin, but a line break would still forge headers.
        return string.Concat(subject.Select(c => char.IsControl(c) ? ' ' : c));
    }

    private static string Html(DigestReport report, string subject, string? chartSource)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#F3F4F6;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#F3F4F6;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
            .Append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:640px;max-width:640px;background:#FFFFFF;border-radius:6px;\">");

        // Header.
        html.Append("<tr><td style=\"padding:20px 24px;background:#1F2937;border-radius:6px 6px 0 0;\">")
            .Append("<div style=\"").Append(Font).Append("font-size:13px;color:#9CA3AF;letter-spacing:1px;text-transform:uppercase;\">SocialWatch digest</div>")
            .Append("<div style=\"").Append(Font).Append("font-size:22px;font-weight:bold;color:#FFFFFF;padding-top:4px;\">").Append(E(report.SubscriptionName)).Append("</div>")
            .Append("<div style=\"").Append(Font).Append("font-size:14px;color:#D1D5DB;padding-top:6px;\">").Append(E(PeriodText(report, compact: false))).Append("</div>")
            .Append("<div style=\"").Append(Font).Append("font-size:13px;color:#9CA3AF;padding-top:2px;\">Brands: ").Append(E(BrandsText(report))).Append("</div>")
            .Append("</td></tr>");

        if (report.IsPartial)
        {
            html.Append("<tr><td style=\"padding:10px 24px;background:#FEF3C7;").Append(Font).Append("font-size:13px;color:#92400E;\">")
                .Append("Preview: this period has not ended yet; the figures cover it up to now and are compared with the whole previous period.</td></tr>");
        }

        // Key figures.
        html.Append("<tr><td style=\"padding:20px 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
        Kpi(html, "Mentions", report.Volume.Mentions.ToString("N0", Culture), Change(report.VolumeChange, "vs previous period", points: false));
        Kpi(html, "Negative share", Percent(report.Volume.NegativeShare), report.IsQuiet ? "no mentions" : Change(report.NegativeShareChange, "vs previous period", points: true));
        Kpi(html, "Alerts opened", report.Alerts.Opened.ToString(Culture), $"{report.Alerts.Resolved.ToString(Culture)} resolved");
        Kpi(html, "Still open", report.Alerts.StillOpen.ToString(Culture), report.IsPartial ? "now" : "at send time");
        html.Append("</tr></table></td></tr>");

        // Chart, or the plain statement that nothing happened.
        html.Append("<tr><td style=\"padding:8px 24px 16px 24px;\">");
        Heading(html, "Volume and negativity");
        if (chartSource is null)
        {
            html.Append("<div style=\"padding:18px;background:#F9FAFB;border:1px solid #E5E7EB;border-radius:4px;").Append(Font).Append("font-size:14px;color:#374151;\">")
                .Append("Quiet period: no mentions of ").Append(E(BrandsText(report))).Append(" were found in this period, so there is no chart.</div>");
        }
        else
        {
            html.Append("<img src=\"").Append(E(chartSource)).Append("\" width=\"").Append(DigestChart.Width.ToString(Culture))
                .Append("\" height=\"").Append(DigestChart.Height.ToString(Culture))
                .Append("\" alt=\"Mentions per ").Append(report.Series.Count > 0 && report.Series[0].End - report.Series[0].Start <= TimeSpan.FromHours(1) ? "hour" : "day")
                .Append(" (bars) and negative share (line)\" style=\"display:block;width:100%;max-width:600px;height:auto;border:0;\">");
        }

        html.Append("</td></tr>");

        // Care team performance.
        html.Append("<tr><td style=\"padding:8px 24px 16px 24px;\">");
        Heading(html, "Response and promises");
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
        Row(html, "Median first response", report.Alerts.MedianFirstResponse is { } median ? $"{Duration(median)} ({report.Alerts.Responses.ToString(Culture)} responses)" : "no responses in this period");
        Row(html, "First-response deadlines missed", report.Alerts.FirstResponseBreaches.ToString(Culture), report.Alerts.FirstResponseBreaches > 0);
        Row(html, "Resolve deadlines missed", report.Alerts.ResolveBreaches.ToString(Culture), report.Alerts.ResolveBreaches > 0);
        Row(html, "Broken promises", report.Alerts.BrokenPromises.ToString(Culture), report.Alerts.BrokenPromises > 0);
        html.Append("</table></td></tr>");

        // Top risks.
        html.Append("<tr><td style=\"padding:8px 24px 16px 24px;\">");
        Heading(html, "Top risks still open");
        if (report.TopRisks.Count == 0)
        {
            Note(html, "No open alerts.");
        }
        else
        {
            html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>")
                .Append("<th style=\"").Append(HeadCell).Append("\">Alert</th>")
                .Append("<th style=\"").Append(HeadCell).Append("\">Brand</th>")
                .Append("<th style=\"").Append(HeadCell).Append("text-align:right;\">Risk</th>")
                .Append("<th style=\"").Append(HeadCell).Append("\">Priority</th></tr>");
            foreach (var risk in report.TopRisks)
            {
                html.Append("<tr><td style=\"").Append(TextCell).Append("\">").Append(Link(risk.Link, Shorten(risk.Title))).Append("</td>")
                    .Append("<td style=\"").Append(Cell).Append(NoWrap).Append("\">").Append(E(risk.Brand)).Append("</td>")
                    .Append("<td style=\"").Append(Cell).Append("text-align:right;font-weight:bold;color:").Append(risk.Score >= 0.75 ? "#B91C1C" : "#111827").Append(";\">")
                    .Append(risk.Score.ToString("0.00", Culture)).Append("</td>")
                    .Append("<td style=\"").Append(Cell).Append(NoWrap).Append("\">").Append(E(risk.Priority)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</td></tr>");

        // Spikes.
        html.Append("<tr><td style=\"padding:8px 24px 16px 24px;\">");
        Heading(html, "Spikes");
        if (report.Spikes.Count == 0)
        {
            Note(html, "No spikes in this period.");
        }
        else
        {
            html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
            foreach (var spike in report.Spikes)
            {
                html.Append("<tr><td style=\"").Append(Cell).Append("width:130px;").Append(Muted).Append("\">")
                    .Append(E(Local(spike.At, report.TimeZone).ToString("ddd d MMM HH:mm", Culture))).Append("</td>")
                    .Append("<td style=\"").Append(TextCell).Append("\">").Append(Link(spike.Link, Shorten(spike.Title)))
                    .Append(" <span style=\"").Append(Muted).Append("\">(").Append(E(spike.Brand)).Append(")</span></td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</td></tr>");

        // Growing complaint reasons.
        html.Append("<tr><td style=\"padding:8px 24px 20px 24px;\">");
        Heading(html, "Complaint reasons that grew most");
        if (report.GrowingReasons.Count == 0)
        {
            Note(html, "No complaint reason grew against the previous period.");
        }
        else
        {
            html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>")
                .Append("<th style=\"").Append(HeadCell).Append("\">Reason</th>")
                .Append("<th style=\"").Append(HeadCell).Append("text-align:right;\">This period</th>")
                .Append("<th style=\"").Append(HeadCell).Append("text-align:right;\">Before</th>")
                .Append("<th style=\"").Append(HeadCell).Append("text-align:right;\">Change</th></tr>");
            foreach (var reason in report.GrowingReasons)
            {
                html.Append("<tr><td style=\"").Append(TextCell).Append("\">").Append(E(reason.Reason)).Append("</td>")
                    .Append("<td style=\"").Append(Cell).Append("text-align:right;\">").Append(reason.Count.ToString("N0", Culture)).Append("</td>")
                    .Append("<td style=\"").Append(Cell).Append("text-align:right;").Append(Muted).Append("\">").Append(reason.PreviousCount.ToString("N0", Culture)).Append("</td>")
                    .Append("<td style=\"").Append(Cell).Append("text-align:right;color:#B91C1C;font-weight:bold;\">+").Append(reason.Growth.ToString("N0", Culture)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</td></tr>");

        html.Append("<tr><td style=\"padding:14px 24px;border-top:1px solid #E5E7EB;").Append(Font).Append("font-size:12px;").Append(Muted).Append("\">")
            .Append("You receive this digest because you are subscribed to &quot;").Append(E(report.SubscriptionName))
            .Append("&quot; in SocialWatch. Times are shown in ").Append(E(report.TimeZone.Id)).Append(".</td></tr>");

        html.Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static string Text(DigestReport report)
    {
        var text = new StringBuilder(4 * 1024);
        text.Append("SocialWatch digest: ").AppendLine(report.SubscriptionName)
            .AppendLine(PeriodText(report, compact: false))
            .Append("Brands: ").AppendLine(BrandsText(report));
        if (report.IsPartial)
        {
            text.AppendLine("Preview: this period has not ended yet; the figures cover it up to now and are compared with the whole previous period.");
        }

        text.AppendLine();
        if (report.IsQuiet)
        {
            text.AppendLine("Quiet period: no mentions were found in this period.");
        }
        else
        {
            text.Append("Mentions: ").Append(report.Volume.Mentions.ToString("N0", Culture)).Append(" (").Append(Change(report.VolumeChange, "vs previous period", points: false)).AppendLine(")")
                .Append("Negative share: ").Append(Percent(report.Volume.NegativeShare)).Append(" (").Append(Change(report.NegativeShareChange, "vs previous period", points: true)).AppendLine(")");
        }

        text.Append("Alerts: ").Append(report.Alerts.Opened.ToString(Culture)).Append(" opened, ")
            .Append(report.Alerts.Resolved.ToString(Culture)).Append(" resolved, ")
            .Append(report.Alerts.StillOpen.ToString(Culture)).AppendLine(" still open")
            .Append("Median first response: ").AppendLine(report.Alerts.MedianFirstResponse is { } median ? $"{Duration(median)} ({report.Alerts.Responses.ToString(Culture)} responses)" : "no responses in this period")
            .Append("Deadlines missed: ").Append(report.Alerts.FirstResponseBreaches.ToString(Culture)).Append(" first response, ")
            .Append(report.Alerts.ResolveBreaches.ToString(Culture)).AppendLine(" resolve")
            .Append("Broken promises: ").AppendLine(report.Alerts.BrokenPromises.ToString(Culture));

        text.AppendLine().AppendLine("TOP RISKS STILL OPEN");
        if (report.TopRisks.Count == 0)
        {
            text.AppendLine("No open alerts.");
        }

        foreach (var risk in report.TopRisks)
        {
            text.Append("- [").Append(risk.Score.ToString("0.00", Culture)).Append("] ").Append(OneLine(Shorten(risk.Title)))
                .Append(" (").Append(OneLine(risk.Brand)).Append(", ").Append(risk.Priority).AppendLine(")");
            if (SafeHref(risk.Link) is { } href)
            {
                text.Append("  ").AppendLine(href);
            }
        }

        text.AppendLine().AppendLine("SPIKES");
        if (report.Spikes.Count == 0)
        {
            text.AppendLine("No spikes in this period.");
        }

        foreach (var spike in report.Spikes)
        {
            text.Append("- ").Append(Local(spike.At, report.TimeZone).ToString("ddd d MMM HH:mm", Culture)).Append(' ')
                .Append(OneLine(Shorten(spike.Title))).Append(" (").Append(OneLine(spike.Brand)).AppendLine(")");
        }

        text.AppendLine().AppendLine("COMPLAINT REASONS THAT GREW MOST");
        if (report.GrowingReasons.Count == 0)
        {
            text.AppendLine("No complaint reason grew against the previous period.");
        }

        foreach (var reason in report.GrowingReasons)
        {
            text.Append("- ").Append(OneLine(reason.Reason)).Append(": ").Append(reason.Count.ToString(Culture))
                .Append(" (before ").Append(reason.PreviousCount.ToString(Culture)).Append(", +").Append(reason.Growth.ToString(Culture)).AppendLine(")");
        }

        text.AppendLine().Append("Times are shown in ").Append(report.TimeZone.Id).AppendLine(".");
        return text.ToString();
    }

    private static void Kpi(StringBuilder html, string label, string value, string note) =>
        html.Append("<td width=\"25%\" valign=\"top\" style=\"padding:0 6px 0 0;\">")
            .Append("<div style=\"").Append(Font).Append("font-size:12px;text-transform:uppercase;").Append(Muted).Append("\">").Append(E(label)).Append("</div>")
            .Append("<div style=\"").Append(Font).Append("font-size:24px;font-weight:bold;color:#111827;padding:2px 0;\">").Append(E(value)).Append("</div>")
            .Append("<div style=\"").Append(Font).Append("font-size:12px;").Append(Muted).Append("\">").Append(E(note)).Append("</div></td>");

    private static void Heading(StringBuilder html, string text) =>
        html.Append("<div style=\"").Append(Font).Append("font-size:16px;font-weight:bold;color:#111827;padding:0 0 8px 0;\">").Append(E(text)).Append("</div>");

    private static void Note(StringBuilder html, string text) =>
        html.Append("<div style=\"").Append(Font).Append("font-size:14px;").Append(Muted).Append("\">").Append(E(text)).Append("</div>");

    private static void Row(StringBuilder html, string label, string value, bool warn = false) =>
        html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(label)).Append("</td>")
            .Append("<td style=\"").Append(Cell).Append("text-align:right;font-weight:bold;").Append(warn ? "color:#B91C1C;" : "").Append("\">").Append(E(value)).Append("</td></tr>");

    private static string Link(Uri? link, string text) =>
        SafeHref(link) is { } href
            ? $"<a href=\"{E(href)}\" rel=\"noopener noreferrer\" target=\"_blank\" style=\"color:#1D4ED8;text-decoration:underline;\">{E(text)}</a>"
            : E(text);

    /// <summary>Only absolute http(s) addresses become links; anything else (javascript:, data:...) is dropped.</summary>
    internal static string? SafeHref(Uri? link) =>
        link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)
            ? link.AbsoluteUri
            : null;

    private static string E(string? value) => Encoder.Encode(value ?? "");

    private static string Shorten(string value) =>
        value.Length <= LongestTitle ? value : string.Concat(value.AsSpan(0, LongestTitle - 1).TrimEnd(), "\u2026");

    private static string OneLine(string value) => string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c));

    private static string BrandsText(DigestReport report) => report.Brands.Count == 0 ? "all brands" : string.Join(", ", report.Brands);

    private static string PeriodText(DigestReport report, bool compact)
    {
        var start = Local(report.Period.Start, report.TimeZone);
        var end = Local(report.Period.End, report.TimeZone);
        if (compact)
        {
            return start.Date == end.Date.AddDays(-1) && start.TimeOfDay == TimeSpan.Zero && end.TimeOfDay == TimeSpan.Zero
                ? start.ToString("ddd d MMM yyyy", Culture)
                : $"{start.ToString("d MMM HH:mm", Culture)} to {end.ToString("d MMM HH:mm", Culture)}";
        }

        return $"{start.ToString("ddd d MMM yyyy HH:mm", Culture)} to {end.ToString("ddd d MMM yyyy HH:mm", Culture)} ({report.TimeZone.Id})";
    }

    private static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Culture) + " %" : "n/a";

    private static string Change(double? change, string suffix, bool points)
    {
        if (change is not { } c)
        {
            return "no previous data";
        }

        var value = c * 100;
        var sign = value > 0.05 ? "+" : value < -0.05 ? "\u2212" : "\u00B1";
        return $"{sign}{Math.Abs(value).ToString("0.0", Culture)}{(points ? " pts" : " %")} {suffix}";
    }

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? $"{((int)span.TotalHours).ToString(Culture)} h {span.Minutes.ToString(Culture)} min"
            : $"{Math.Max(0, (int)Math.Round(span.TotalMinutes)).ToString(Culture)} min";
}
