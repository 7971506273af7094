using Hangfire;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Retention;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Scoring.Retrain;

namespace SocialWatch.Host.Jobs;

/// <summary>
/// The housekeeping jobs as Hangfire sees them. The use-case classes know nothing of Hangfire; this is where
/// each gets its distributed lock, so that a slow run is never overlapped by the next occurrence on another host.
/// </summary>
public sealed class ScheduledJobs(IServiceProvider services)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3)]
    public Task SlaSweepAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<SlaSweepJob>().RunAsync(cancellationToken);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3)]
    public Task PromiseCheckAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<PromiseCheckJob>().RunAsync(cancellationToken);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public Task SpikeDetectionAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<SpikeDetectionJob>().RunAsync(cancellationToken);

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task RetentionPurgeAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<RetentionPurgeJob>().RunAsync(cancellationToken);

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 1)]
    public Task RetrainModelsAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<RetrainModelJob>().RunAsync(cancellationToken);
}
