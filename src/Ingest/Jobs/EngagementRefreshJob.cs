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
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<EngagementRefreshJob> logger)
{
    [DisableConcurrentExecution("ingest:engagement-refresh", 15)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            await RefreshAsync(source, cancellationToken);
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
