using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// Re-reads the engagement of mentions behind open alerts and records it as snapshots, from which velocity is computed.
/// A post the source reports deleted (or no longer finds) loses its text and author data: compliance.
/// </summary>
public sealed class EngagementRefreshJob(
    IEnumerable<IEngagementSource> sources,
    IMentionStore store,
    IIngestStateStore state,
    IOperatorAlerts operatorAlerts,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<EngagementRefreshJob> logger)
{
    [DisableConcurrentExecution("ingest:engagement-refresh", 15)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One source failing must not starve the others of their refresh; the job still fails at the end so it is retried.
        var failures = new List<Exception>();
        foreach (var source in sources)
        {
            if (await state.GetPauseAsync(source.Name, cancellationToken) is { } pause && pause.Until > time.GetUtcNow())
            {
                continue;
            }

            try
            {
                await RefreshAsync(source, cancellationToken);
            }
            catch (UsageCapExceededException ex)
            {
                await state.PauseSourceAsync(source.Name, ex.Until, ex.Detail, cancellationToken);
                IngestLog.UsageCapExceeded(logger, "engagement refresh", source.Name, ex.Until, ex.Detail);
                await operatorAlerts.RaiseAsync(
                    source.Name,
                    $"{source.Name} refuses further reads (usage cap: {ex.Detail}). Polling of {source.Name} is paused until {ex.Until:u}; raise the plan's cap to resume earlier.",
                    cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IngestLog.RefreshFailed(logger, source.Name, ex);
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"Engagement refresh failed for {failures.Count} source(s).", failures);
        }
    }

    private async Task RefreshAsync(IEngagementSource source, CancellationToken cancellationToken)
    {
        var mentions = (await store.GetMentionsWithOpenAlertsAsync(source.Name, options.Value.EngagementRefreshBatch, cancellationToken))
            .Where(m => !m.Redacted)
            .ToList();
        if (mentions.Count == 0)
        {
            return;
        }

        var updates = await source.RefreshAsync(mentions, cancellationToken);
        var byId = mentions.ToDictionary(m => m.Id);
        var now = time.GetUtcNow();
        var snapshots = new List<EngagementSnapshot>();
        var deleted = new List<string>();
        foreach (var update in updates)
        {
            if (!byId.TryGetValue(update.MentionId, out var mention))
            {
                continue;
            }

            if (update.Deleted)
            {
                deleted.Add(mention.Mention.ExternalId);
            }
            else
            {
                snapshots.Add(new EngagementSnapshot(update.MentionId, now, update.Metrics));
            }
        }

        // Lookups are billed per post returned, like search reads, and count against the same daily budget.
        if (source is IBudgetedSource)
        {
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            foreach (var brand in snapshots.GroupBy(s => byId[s.MentionId].Mention.Brand))
            {
                await state.AddReadsAsync(source.Name, brand.Key, day, brand.Count(), cancellationToken);
            }
        }

        if (deleted.Count > 0)
        {
            await store.RedactAsync(source.Name, deleted, cancellationToken);
        }

        if (snapshots.Count > 0)
        {
            await store.AddSnapshotsAsync(snapshots, cancellationToken);
        }

        IngestLog.EngagementRefreshed(logger, source.Name, snapshots.Count, deleted.Count);
    }
}
