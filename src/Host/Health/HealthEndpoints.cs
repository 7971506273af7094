using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Health;

/// <summary>GET /health: database and Hangfire state, for load balancers and operators.</summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddSocialWatchHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<HangfireHealthCheck>("hangfire");
        return services;
    }

    public static IEndpointRouteBuilder MapSocialWatchHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    data = e.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

internal sealed class DatabaseHealthCheck(IStorageMaintenance storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = storage.Provider };
        try
        {
            await storage.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{storage.Provider} reachable", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} unreachable: {ex.Message}", data: data);
        }
    }
}

internal sealed class HangfireHealthCheck(JobStorage jobStorage, Microsoft.Extensions.Options.IOptions<Composition.HangfireOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = jobStorage.GetMonitoringApi();
            var stats = monitoring.GetStatistics();
            var data = new Dictionary<string, object>
            {
                ["storage"] = options.Value.Storage.ToString(),
                ["servers"] = stats.Servers,
                ["recurring"] = stats.Recurring,
                ["enqueued"] = stats.Enqueued,
                ["failed"] = stats.Failed,
            };

            // A web-only host has no server of its own; with none anywhere, nothing is being ingested.
            return Task.FromResult(stats.Servers > 0
                ? HealthCheckResult.Healthy($"{stats.Servers} Hangfire server(s)", data)
                : HealthCheckResult.Degraded("no Hangfire server is running", data: data));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Hangfire storage unreachable: {ex.Message}"));
        }
    }
}
