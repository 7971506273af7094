using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Web.Charts;

/// <summary>The dashboard's charts as SVG images; the page reloads them when alerts change.</summary>
internal static class ChartEndpoints
{
    private const string Svg = "image/svg+xml";

    private static readonly TimeSpan VolumeLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AlertsLifetime = TimeSpan.FromSeconds(5);

    public static void MapChartEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/charts").RequireAuthorization(SocialWatchPolicies.Pr).ExcludeFromDescription();

        // Every PR screen reloads the charts on each alert change, so a drawn chart is shared for a short while:
        // hourly volume barely moves in seconds, and the SLA chart is kept fresher.
        group.MapGet("/volume.svg", (IInsightsStore insights, DashboardCharts charts, IMemoryCache cache, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
            CachedAsync(cache, "volume", VolumeLifetime, async () =>
            {
                var (since, until) = Window(time, options.Value);
                var buckets = await insights.GetVolumeAsync(since, until, ct);
                var spikes = await insights.GetSpikesAsync(since, until, ct);
                return charts.Volume(buckets, spikes, since, until);
            }));

        group.MapGet("/negative.svg", (IInsightsStore insights, DashboardCharts charts, IMemoryCache cache, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
            CachedAsync(cache, "negative", VolumeLifetime, async () =>
            {
                var (since, until) = Window(time, options.Value);
                return charts.NegativeShare(await insights.GetVolumeAsync(since, until, ct), since, until);
            }));

        group.MapGet("/sources.svg", (IInsightsStore insights, DashboardCharts charts, IMemoryCache cache, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
            CachedAsync(cache, "sources", VolumeLifetime, async () =>
            {
                var (since, until) = Window(time, options.Value);
                return charts.Breakdown("Mentions by source", await insights.GetSourceBreakdownAsync(since, until, ct));
            }));

        group.MapGet("/reasons.svg", (IInsightsStore insights, DashboardCharts charts, IMemoryCache cache, CancellationToken ct) =>
            CachedAsync(cache, "reasons", AlertsLifetime, async () =>
                charts.Reasons(await insights.GetReasonBreakdownAsync(10, ct))));

        group.MapGet("/sla.svg", (IInsightsStore insights, DashboardCharts charts, IMemoryCache cache, TimeProvider time, IOptions<WebOptions> options, CancellationToken ct) =>
            CachedAsync(cache, "sla", AlertsLifetime, async () =>
                charts.Sla(await insights.GetSlaSummaryAsync(time.GetUtcNow(), options.Value.DueSoon, ct))));

        app.MapGet("/charts/engagement/{mentionId:long}.svg", async (long mentionId, IMentionStore mentions, DashboardCharts charts, TeamScope scope, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var mention = await mentions.GetMentionAsync(mentionId, ct);

                // An agent only charts the mentions behind their teams' alerts; another team's answers 404, as a missing one does.
                var teams = (await scope.ForAsync(user, ct)).Teams;
                if (mention is null || (teams.Count > 0 && !await InTeamsAsync(mentions, mentionId, teams, ct)))
                {
                    return Results.NotFound();
                }

                return Image(charts.Engagement(await mentions.GetSnapshotsAsync(mentionId, ct), mention));
            })
            .RequireAuthorization(SocialWatchPolicies.AlertPage)
            .ExcludeFromDescription();
    }

    private static async Task<bool> InTeamsAsync(IMentionStore mentions, long mentionId, IReadOnlyList<string> teams, CancellationToken cancellationToken)
    {
        var page = await mentions.GetMentionsAsync(new MentionQuery { BeforeId = mentionId + 1, Limit = 1, Teams = teams }, cancellationToken);
        return page.Count == 1 && page[0].Id == mentionId;
    }

    internal static (DateTimeOffset Since, DateTimeOffset Until) Window(TimeProvider time, WebOptions options)
    {
        var now = time.GetUtcNow();
        var until = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        return (until - options.DashboardWindow, until);
    }

    private static IResult Image(string svg) => Results.Text(svg, Svg);

    private static async Task<IResult> CachedAsync(IMemoryCache cache, string chart, TimeSpan lifetime, Func<Task<string>> draw)
    {
        var svg = await cache.GetOrCreateAsync("chart:" + chart, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lifetime;
            return draw();
        });
        return Image(svg!);
    }
}
