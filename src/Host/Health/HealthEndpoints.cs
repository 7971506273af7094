using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocialWatch.Storage;

namespace SocialWatch.Host.Health;

/// <summary>
/// GET /health and /health/ready: the database takes a write and is the one the host started with, and Hangfire's
/// state; GET /health/live: the process answers. For load balancers and operators.
/// </summary>
internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSocialWatchHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StartedDatabase>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<HangfireHealthCheck>("hangfire", tags: [ReadyTag])
            .AddCheck<ModelHealthCheck>("model");
        return services;
    }

    public static IEndpointRouteBuilder MapSocialWatchHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", Options(_ => true)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Options(check => check.Tags.Contains(ReadyTag))).AllowAnonymous();

        // Liveness runs no check: a database outage must take the host out of rotation, not get it restarted.
        app.MapHealthChecks("/health/live", Options(_ => false)).AllowAnonymous();
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

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

public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>How long the readiness write may wait (for a lock, a slow server) before the database counts as down.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The stamp of the database this host opened at start-up, set once the start-up guard has passed.</summary>
internal sealed class StartedDatabase
{
    private volatile string? _stamp;

    public string? Stamp { get => _stamp; set => _stamp = value; }
}

/// <summary>
/// Writes the check time on the stamp row through a connection of its own: healthy only when the write lands in the
/// database the host started with. A pooled connection, a successful SELECT 1 or an open file handle proves neither.
/// </summary>
internal sealed class DatabaseHealthCheck(IStorageIdentityStore identity, StartedDatabase started, IOptions<HealthOptions> options) : IHealthCheck
{
    private static readonly string CheckedBy = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = identity.Provider };
        if (started.Stamp is not { } stamp)
        {
            return HealthCheckResult.Unhealthy($"{identity.Provider} database not opened yet", data: data);
        }

        data["stamp"] = stamp;
        try
        {
            return await identity.ProbeAsync(stamp, CheckedBy, options.Value.ProbeTimeout, cancellationToken)
                ? HealthCheckResult.Healthy($"{identity.Provider} takes writes", data)
                : HealthCheckResult.Unhealthy($"{identity.Provider} database is not the one this host started with (gone or replaced)", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{identity.Provider} does not take writes: {ex.Message}", data: data);
        }
    }
}

/// <summary>
/// Which model version this host serves and which one the cluster promoted. Degraded, never unhealthy: a host that
/// has not caught up yet (or could not load a version) still scores with the model it has. Not part of readiness.
/// </summary>
internal sealed class ModelHealthCheck(SocialWatch.Scoring.Models.SharedModels models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = models.Status;
        var data = new Dictionary<string, object> { ["host"] = Environment.MachineName, ["running"] = status.RunningVersion };
        if (status.PromotedVersion is { } promoted)
        {
            data["promoted"] = promoted;
        }

        if (status.LastPolledAt is { } polled)
        {
            data["checkedAt"] = polled;
        }

        var result = status switch
        {
            { LastError: { } error } => HealthCheckResult.Degraded($"serves {status.RunningVersion}; loading the promoted model failed: {error}", data: data),
            { PromotedVersion: { } p } when p != status.RunningVersion => HealthCheckResult.Degraded($"serves {status.RunningVersion}, {p} is promoted", data: data),
            _ => HealthCheckResult.Healthy($"serves {status.RunningVersion}", data),
        };
        return Task.FromResult(result);
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
