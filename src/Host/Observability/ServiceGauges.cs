using System.Diagnostics.Metrics;
using Hangfire;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Observability;

/// <summary>
/// The service's state as gauges on the .NET meter <c>SocialWatch</c>, exported by /metrics: the open queue, alerts past
/// their SLA and due soon, the watch list, failed background jobs and the model in use. One loop samples them every
/// <c>Metrics:SampleInterval</c>, so a scrape never waits on the database, and an outage keeps the last figures (with
/// <c>socialwatch_gauges_sampled</c> showing how old they are).
/// </summary>
internal sealed partial class ServiceGauges : BackgroundService
{
    public const string MeterName = "SocialWatch";

    private readonly IServiceProvider _services;
    private readonly IOptions<MetricsOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ServiceGauges> _logger;
    private readonly Meter _meter = new(MeterName);
    private Snapshot _last = new(0, 0, 0, 0, 0, 0, "");

    public ServiceGauges(IServiceProvider services, IOptions<MetricsOptions> options, TimeProvider time, ILogger<ServiceGauges> logger)
    {
        _services = services;
        _options = options;
        _time = time;
        _logger = logger;
        _meter.CreateObservableGauge("alerts.open", () => _last.Open, "{alert}", "Open alerts in the care queue.");
        _meter.CreateObservableGauge("alerts.breached", () => _last.Breached, "{alert}", "Open alerts past their first-response or resolution deadline.");
        _meter.CreateObservableGauge("alerts.due_soon", () => _last.DueSoon, "{alert}", "Open alerts whose first response is due within the warning window.");
        _meter.CreateObservableGauge("watch.entries", () => _last.Watched, "{mention}", "Mentions on the watch list, their engagement re-read on a cadence.");
        _meter.CreateObservableGauge("jobs.failed", () => _last.FailedJobs, "{job}", "Background jobs in Hangfire's failed state.");
        _meter.CreateObservableGauge("gauges.sampled", () => _last.SampledAt, "unixtime", "When these gauges were last read from the database.");
        _meter.CreateObservableGauge("model.info", () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", _last.ModelVersion)), description: "The scoring model this host runs (its version is the label).");
    }

    /// <summary>Reads every figure once; a failure keeps the last figures and is logged.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = _time.GetUtcNow();
            var sla = await _services.GetRequiredService<IInsightsStore>().GetSlaSummaryAsync(now, _services.GetRequiredService<IOptions<WebOptions>>().Value.DueSoon, cancellationToken);
            var watched = await _services.GetRequiredService<IOperationalFigures>().CountWatchEntriesAsync(cancellationToken);
            var failed = _services.GetService<JobStorage>()?.GetMonitoringApi().FailedCount() ?? 0;
            var model = _services.GetService<IMentionScorer>()?.ModelVersion ?? "";
            _last = new Snapshot(sla.Open, sla.Breached, sla.DueSoon, watched, failed, now.ToUnixTimeSeconds(), model);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSampleFailed(_logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.SampleInterval, _time);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Metrics: could not read the service gauges; the last figures stay")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);

    private sealed record Snapshot(long Open, long Breached, long DueSoon, long Watched, long FailedJobs, long SampledAt, string ModelVersion);
}
