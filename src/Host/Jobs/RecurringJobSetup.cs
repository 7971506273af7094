using Hangfire;
using SocialWatch.Alerts.Digests;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Host.Jobs;

/// <summary>
/// Registers every recurring job when the host starts. Registration is an upsert by job id, so N hosts doing it
/// at once leave one schedule, and Hangfire triggers each occurrence once cluster-wide.
/// </summary>
internal sealed class RecurringJobSetup(IServiceProvider services, IRecurringJobManager jobs, ILogger<RecurringJobSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        jobs.AddOrUpdate<ScheduledJobs>("alerts:sla-sweep", j => j.SlaSweepAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<ScheduledJobs>("alerts:promise-check", j => j.PromiseCheckAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<ScheduledJobs>("alerts:spike-detection", j => j.SpikeDetectionAsync(CancellationToken.None), "*/5 * * * *", utc);
        jobs.AddOrUpdate<ScheduledJobs>("alerts:retention-purge", j => j.RetentionPurgeAsync(CancellationToken.None), Cron.Daily(3), utc);
        jobs.AddOrUpdate<ScheduledJobs>("scoring:retrain", j => j.RetrainModelsAsync(CancellationToken.None), Cron.Daily(4), utc);

        using var scope = services.CreateScope();
        var polls = await scope.ServiceProvider.GetRequiredService<IngestScheduler>().ScheduleAllAsync(cancellationToken);
        var digests = await scope.ServiceProvider.GetRequiredService<DigestScheduler>().ScheduleAllAsync(cancellationToken);
        HostLog.RecurringJobsScheduled(logger, polls.Count, digests);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
