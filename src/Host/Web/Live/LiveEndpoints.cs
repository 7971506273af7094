using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Web.Live;

internal static class LiveEndpoints
{
    /// <summary>Server-sent events: the queue and the dashboard refresh themselves when an alert changes.</summary>
    public static void MapLiveAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/alerts", async (HttpContext context, LiveAlertFeed feed, TeamScope scope, CancellationToken cancellationToken) =>
            {
                var teams = await scope.ForAsync(context.User, cancellationToken);
                context.Response.Headers.CacheControl = "no-cache";
                return TypedResults.ServerSentEvents(feed.SubscribeAsync(teams, cancellationToken));
            })
            .RequireAuthorization(SocialWatchPolicies.Reader)
            .ExcludeFromDescription();
    }
}
