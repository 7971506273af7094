using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Watch;

namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// Refreshes the watch list: per source, claims the entries that are due, re-reads their engagement through the
/// source's own lookup (charged to the brand's daily read budget), stores a snapshot, re-scores the page in one
/// scorer call with its velocity and the authors' complaint history, stores the new scores with the next due times,
/// and hands the re-scored mentions to the re-score handlers (alerting). A post the source reports deleted loses its
/// text and author data (compliance) and leaves the list.
/// </summary>
/// <remarks>
/// Runs every <see cref="IngestOptions.EngagementRefreshInterval"/> on any host; claims keep two hosts from refreshing
/// the same mention. A handler that fails fails the run after the scores are stored; the mention is handed over again
/// on its next refresh.
/// </remarks>
public sealed class EngagementRefreshJob(
    IEnumerable<IEngagementSource> sources,
    IMentionStore store,
    IWatchListStore watchList,
    IIngestStateStore state,
    IMentionScorer scorer,
    IEnumerable<IMentionsRescoredHandler> handlers,
    IOperatorAlerts operatorAlerts,
    WatchCadence cadence,
    IOptions<IngestOptions> options,
    IOptions<WatchOptions> watchOptions,
    TimeProvider time,
    ILogger<EngagementRefreshJob> logger)
{
    private readonly IMentionsRescoredHandler[] _handlers = [.. handlers];

    [DisableConcurrentExecution("ingest:engagement-refresh", 15)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await watchList.RemoveExpiredAsync(time.GetUtcNow(), cancellationToken);
        if (expired > 0)
        {
            IngestLog.WatchExpired(logger, expired);
        }

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
                for (var page = 0; page < watchOptions.Value.MaxPagesPerRun; page++)
                {
                    if (!await RefreshPageAsync(source, cancellationToken))
                    {
                        break;
                    }
                }
            }
            catch (UsageCapExceededException ex)
            {
                await UsageCapPause.ApplyAsync(source.Name, ex, "engagement refresh", state, operatorAlerts, logger, cancellationToken);
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

    /// <summary>Refreshes one claimed page of a source; false when nothing more is due.</summary>
    private async Task<bool> RefreshPageAsync(IEngagementSource source, CancellationToken cancellationToken)
    {
        var batch = options.Value.EngagementRefreshBatch;
        var now = time.GetUtcNow();

        // The job runs every shortest interval: an entry due before the next run is refreshed by this one, so a cadence
        // step is kept to within half a run rather than stretched by up to a whole one.
        var claimed = await watchList.ClaimDueAsync(
            source.Name, brand: null, now, now + cadence.Shortest / 2, now + watchOptions.Value.ClaimLease, batch, cancellationToken);
        if (claimed.Count == 0)
        {
            return false;
        }

        var entries = await WithinBudgetAsync(source, claimed, now, cancellationToken);
        var live = entries.Where(e => !e.Mention.Redacted).ToList();
        var redacted = entries.Where(e => e.Mention.Redacted).Select(e => e.Mention.Id).ToList();
        if (redacted.Count > 0)
        {
            await watchList.RemoveAsync(redacted, cancellationToken);
        }

        if (live.Count == 0)
        {
            return claimed.Count == batch;
        }

        // A post stored for two brands is two entries but one post: the source reads it once (X bills per post read),
        // through its first claimed copy, and the answer goes to every copy.
        var copies = live
            .GroupBy(e => e.Mention.Mention.ExternalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var updates = await source.RefreshAsync([.. copies.Values.Select(c => c[0].Mention)], cancellationToken);
        var byId = live.ToDictionary(e => e.Mention.Id);
        var refreshed = new List<(ClaimedWatchEntry Entry, EngagementMetrics Metrics)>(updates.Count);
        var deleted = new List<ClaimedWatchEntry>();
        var read = new List<ClaimedWatchEntry>(updates.Count);
        var seen = new HashSet<long>();
        foreach (var update in updates)
        {
            if (!byId.TryGetValue(update.MentionId, out var answered) || !seen.Add(update.MentionId))
            {
                continue;
            }

            if (!update.Deleted)
            {
                read.Add(answered);
            }

            foreach (var entry in copies[answered.Mention.Mention.ExternalId])
            {
                seen.Add(entry.Mention.Id);
                if (update.Deleted)
                {
                    deleted.Add(entry);
                }
                else
                {
                    refreshed.Add((entry, update.Metrics));
                }
            }
        }

        // Lookups are billed per post returned, like search reads, and count against the same daily budget: a post read
        // once for two brands is one read, charged to the brand whose copy was read.
        if (source is IBudgetedSource)
        {
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            foreach (var brand in read.GroupBy(e => e.Mention.Mention.Brand))
            {
                await state.AddReadsAsync(source.Name, brand.Key, day, brand.Count(), cancellationToken);
            }
        }

        if (deleted.Count > 0)
        {
            await store.RedactAsync(source.Name, [.. deleted.Select(e => e.Mention.Mention.ExternalId)], cancellationToken);
            await watchList.RemoveAsync([.. deleted.Select(e => e.Mention.Id)], cancellationToken);
        }

        // Posts the lookup did not answer for stay on the list, due again at their cadence.
        foreach (var group in live.Where(e => !seen.Contains(e.Mention.Id)).GroupBy(e => cadence.Next(e.CadenceFrom, now, grew: false).NextDueAt))
        {
            await watchList.ReleaseAsync([.. group.Select(e => e.Mention.Id)], group.Key, cancellationToken);
        }

        var rescored = await RescoreAsync(refreshed, now, cancellationToken);
        IngestLog.EngagementRefreshed(logger, source.Name, refreshed.Count, deleted.Count);
        if (rescored.Count > 0)
        {
            foreach (var handler in _handlers)
            {
                await handler.OnRescoredAsync(rescored, cancellationToken);
            }
        }

        return claimed.Count == batch;
    }

    /// <summary>
    /// The claimed entries whose brand still has reads left today. The others are released until the next UTC day, and
    /// the operator is told: refreshes of that brand stop, they are not skipped silently.
    /// </summary>
    private async Task<IReadOnlyList<ClaimedWatchEntry>> WithinBudgetAsync(
        IEngagementSource source, IReadOnlyList<ClaimedWatchEntry> claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (source is not IBudgetedSource { DailyReadBudget: { } budget })
        {
            return claimed;
        }

        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var kept = new List<ClaimedWatchEntry>(claimed.Count);
        var held = new List<long>();
        foreach (var brand in claimed.GroupBy(e => e.Mention.Mention.Brand))
        {
            var used = await state.GetReadsAsync(source.Name, brand.Key, day, cancellationToken);
            var left = (int)Math.Clamp(budget - used, 0, int.MaxValue);
            var entries = brand.ToList();
            kept.AddRange(entries.Take(left));
            if (entries.Count <= left)
            {
                continue;
            }

            held.AddRange(entries.Skip(left).Select(e => e.Mention.Id));
            IngestLog.WatchBudgetExhausted(logger, source.Name, brand.Key, used, budget, entries.Count - left);
            await operatorAlerts.RaiseAsync(
                source.Name,
                $"The daily read budget of {source.Name} for brand {brand.Key} is used up ({budget} reads on {day:yyyy-MM-dd} UTC): watch-list refreshes of {brand.Key} on {source.Name} stop until 00:00 UTC. Raise the budget or the watch thresholds' bar to keep them going.",
                cancellationToken);
        }

        if (held.Count > 0)
        {
            var nextDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await watchList.ReleaseAsync(held, nextDay, cancellationToken);
        }

        return kept;
    }

    private async Task<List<RescoredMention>> RescoreAsync(
        List<(ClaimedWatchEntry Entry, EngagementMetrics Metrics)> refreshed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (refreshed.Count == 0)
        {
            return [];
        }

        var histories = await watchList.GetAuthorHistoriesAsync(
            [.. refreshed.Select(r => new AuthorHistoryRequest(r.Entry.Mention.Id, r.Entry.Mention.Mention.Source, r.Entry.Mention.Mention.Brand, r.Entry.Mention.Mention.Author.Id))],
            watchOptions.Value.MinComplaint,
            now,
            cancellationToken);
        var inputs = new ScoringInput[refreshed.Count];
        var velocities = new EngagementVelocity?[refreshed.Count];
        for (var i = 0; i < refreshed.Count; i++)
        {
            var (entry, metrics) = refreshed[i];
            var mention = entry.Mention.Mention;

            // The counters stored on the mention were read at its last refresh, or at ingest before the first one.
            var previousAt = entry.LastRefreshedAt ?? mention.IngestedAt;
            velocities[i] = EngagementVelocityCalculator.FromSnapshots(
                [new EngagementSnapshot(entry.Mention.Id, previousAt, mention.Metrics), new EngagementSnapshot(entry.Mention.Id, now, metrics)]);
            inputs[i] = ScoringInput.From(mention) with { Metrics = metrics, Velocity = velocities[i], History = histories[i] };
        }

        var scores = scorer.Score(inputs);
        if (scores.Count != inputs.Length)
        {
            throw new InvalidOperationException($"The scorer returned {scores.Count} scores for {inputs.Length} mentions.");
        }

        var records = new List<WatchRefresh>(refreshed.Count);
        var rescored = new List<RescoredMention>(refreshed.Count);
        for (var i = 0; i < refreshed.Count; i++)
        {
            var (entry, metrics) = refreshed[i];
            var grew = cadence.IsGrowth(entry.Mention.Mention.Metrics, metrics);
            var (cadenceFrom, nextDue) = cadence.Next(entry.CadenceFrom, now, grew);
            records.Add(new WatchRefresh(entry.Mention.Id, now, metrics, scores[i], cadenceFrom, nextDue));
            var updated = entry.Mention with { Mention = entry.Mention.Mention with { Metrics = metrics }, Score = scores[i] };
            rescored.Add(new RescoredMention(updated, entry.Mention.Score, velocities[i]));
        }

        await watchList.RecordRefreshAsync(records, cancellationToken);
        return rescored;
    }
}
