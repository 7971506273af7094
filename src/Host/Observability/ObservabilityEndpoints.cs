using Microsoft.Extensions.Options;
using Prometheus;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Observability;

/// <summary>Settings of the scrape endpoint (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Serve <c>/metrics</c> to callers who are not signed in (a scraper on a private network, or a worker host, which
    /// has no sign-in). Off by default: on a web host the scrape then needs a reader (a care role, or an API key with
    /// the integration scope, sent as <c>Authorization: ApiKey …</c>), and a worker host serves no metrics.
    /// </summary>
    public bool Anonymous { get; set; }

    /// <summary>How often the service gauges (queue, SLA, watch list, failed jobs, model) are read from the database.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// GET /metrics (Prometheus text format: HTTP server and client durations, process and runtime figures from the .NET
/// meters, the ingest's counts per source and the service gauges, see <see cref="ServiceGauges"/>) and GET /openapi/v1.json (the OpenAPI document of the HTTP API).
/// </summary>
internal static class ObservabilityEndpoints
{
    public const string MetricsPath = "/metrics";

    public const string OpenApiPath = "/openapi/v1.json";

    public static IServiceCollection AddSocialWatchObservability(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<ServiceGauges>());
        services.AddOpenApi("v1", o => o.AddSocialWatchDescriptions());
        return services;
    }

    /// <summary>Maps both; on a host without the web (no sign-in), metrics only when they are anonymous.</summary>
    public static void MapSocialWatchObservability(this WebApplication app, bool web)
    {
        // The registry starts listening to .NET meters when it is first touched; touched here, at start-up, so what
        // happens before the first scrape is counted too.
        _ = Metrics.DefaultRegistry;
        var anonymous = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Anonymous;
        if (anonymous)
        {
            app.MapMetrics(MetricsPath).AllowAnonymous();
        }
        else if (web)
        {
            app.MapMetrics(MetricsPath).RequireAuthorization(SocialWatchPolicies.Reader);
        }

        if (web)
        {
            app.MapOpenApi(OpenApiPath).AllowAnonymous();
            app.MapApiReferencePage();
        }
    }
}
