using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Insights;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Web.Charts;

/// <summary>The dashboard's charts as SVG images; the page reloads them when alerts change.</summary>
internal static class ChartEndpoints
{
    private const string Svg = "image/svg+xml";

    public static void MapChartEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/charts").RequireAuthorization(SocialWatchPolicies.Pr).ExcludeFromDescription();

        group.MapGet("/volume.svg", async (IInsightsStore insights, DashboardCharts charts, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
        {
            var (since, until) = Window(time, options.Value);
            var buckets = await insights.GetVolumeAsync(since, until, ct);
            var spikes = await insights.GetSpikesAsync(since, until, ct);
            return Image(charts.Volume(buckets, spikes, since, until));
        });

        group.MapGet("/negative.svg", async (IInsightsStore insights, DashboardCharts charts, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
        {
            var (since, until) = Window(time, options.Value);
            return Image(charts.NegativeShare(await insights.GetVolumeAsync(since, until, ct), since, until));
        });

        group.MapGet("/sources.svg", async (IInsightsStore insights, DashboardCharts charts, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
        {
            var (since, until) = Window(time, options.Value);
            return Image(charts.Breakdown("Mentions by source", await insights.GetSourceBreakdownAsync(since, until, ct)));
        });

        group.MapGet("/reasons.svg", async (IInsightsStore insights, DashboardCharts charts, CancellationToken ct) =>
            Image(charts.Breakdown("Open alerts by complaint reason", await insights.GetReasonBreakdownAsync(10, ct))));

        group.MapGet("/sla.svg", async (IInsightsStore insights, DashboardCharts charts, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
            Image(charts.Sla(await insights.GetSlaSummaryAsync(time.GetUtcNow(), options.Value.DueSoon, ct))));

        app.MapGet("/charts/engagement/{mentionId:long}.svg", async (long mentionId, IMentionStore mentions, DashboardCharts charts, CancellationToken ct) =>
            {
                var mention = await mentions.GetMentionAsync(mentionId, ct);
                if (mention is null)
                {
                    return Results.NotFound();
                }

                return Image(charts.Engagement(await mentions.GetSnapshotsAsync(mentionId, ct), mention));
            })
            .RequireAuthorization(SocialWatchPolicies.Agent)
            .ExcludeFromDescription();
    }

    internal static (DateTimeOffset Since, DateTimeOffset Until) Window(TimeProvider time, WebOptions options)
    {
        var now = time.GetUtcNow();
        var until = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        return (until - options.DashboardWindow, until);
    }

    private static IResult Image(string svg) => Results.Text(svg, Svg);
}
