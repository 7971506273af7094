using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// Keeps Hangfire's recurring jobs in step with the brand directory and registered sources: at start-up, and after an
/// admin changes a brand (so a new brand starts polling and a deleted one stops).
/// </summary>
public sealed class IngestScheduler(
    IRecurringJobManager recurringJobs,
    JobStorage jobStorage,
    WatchQueryCatalog catalog,
    IOptions<IngestOptions> options,
    ILogger<IngestScheduler> logger)
{
    /// <summary>Prefix of every recurring job id this scheduler owns; other jobs are never touched.</summary>
    public const string JobIdPrefix = "ingest:";

    public const string EngagementRefreshJobId = "ingest-refresh:engagement";

    public const string HandOverRecoveryJobId = "ingest-recover:handovers";

    public static string JobIdFor(string queryKey) => JobIdPrefix + queryKey;

    /// <summary>
    /// Adds or updates one recurring job per watch query (id <c>ingest:{query key}</c>), the engagement refresh job,
    /// the hand-over recovery job, and removes ingest jobs whose query no longer exists. Returns the ids of the scheduled poll jobs.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScheduleAllAsync(CancellationToken cancellationToken)
    {
        var jobIds = new List<string>();
        foreach (var entry in await catalog.AllAsync(cancellationToken))
        {
            var key = entry.Query.Key;
            var jobId = JobIdFor(key);
            recurringJobs.AddOrUpdate<IngestJob>(jobId, job => job.RunAsync(key, CancellationToken.None), IntervalCron.For(entry.Source.PollInterval), new RecurringJobOptions());
            jobIds.Add(jobId);
        }

        recurringJobs.AddOrUpdate<EngagementRefreshJob>(
            EngagementRefreshJobId,
            job => job.RunAsync(CancellationToken.None),
            IntervalCron.For(options.Value.EngagementRefreshInterval),
            new RecurringJobOptions());

        recurringJobs.AddOrUpdate<HandOverRecoveryJob>(
            HandOverRecoveryJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());

        var wanted = jobIds.ToHashSet(StringComparer.Ordinal);
        using (var connection = jobStorage.GetConnection())
        {
            foreach (var existing in connection.GetRecurringJobs())
            {
                if (existing.Id.StartsWith(JobIdPrefix, StringComparison.Ordinal) && !wanted.Contains(existing.Id))
                {
                    recurringJobs.RemoveIfExists(existing.Id);
                    IngestLog.StaleJobRemoved(logger, existing.Id);
                }
            }
        }

        IngestLog.JobsScheduled(logger, jobIds.Count);
        return jobIds;
    }
}
