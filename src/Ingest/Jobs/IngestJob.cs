using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Pipeline;

namespace SocialWatch.Ingest.Jobs;

/// <summary>What one run of a watch query did.</summary>
public sealed record IngestRunResult(string QueryKey, int Pages, int Received, int Stored, string Outcome);

/// <summary>
/// Polls one watch query: page after page from its stored cursor, each page stored together with the cursor after it.
/// Hangfire runs it per query key as a recurring job; the run gate (a distributed lock) keeps two runs of one query
/// apart on any number of hosts, skipping an occurrence that finds the previous run still going, and the cursor's
/// optimistic check catches a run that slipped past the lock.
/// </summary>
public sealed class IngestJob(
    WatchQueryCatalog catalog,
    IMentionStore store,
    IIngestStateStore state,
    MentionPipeline pipeline,
    IOperatorAlerts operatorAlerts,
    IQueryRunGate gate,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<IngestRunResult> RunAsync(string queryKey, CancellationToken cancellationToken)
    {
        using var held = gate.TryEnter(queryKey);
        if (held is null)
        {
            IngestLog.RunSkipped(logger, queryKey);
            return new IngestRunResult(queryKey, 0, 0, 0, "already running");
        }

        return await RunHeldAsync(queryKey, cancellationToken);
    }

    private async Task<IngestRunResult> RunHeldAsync(string queryKey, CancellationToken cancellationToken)
    {
        var entry = await catalog.FindAsync(queryKey, cancellationToken);
        if (entry is null)
        {
            IngestLog.QueryNotFound(logger, queryKey);
            return new IngestRunResult(queryKey, 0, 0, 0, "unknown query");
        }

        var (query, source, brand) = entry;
        if (await state.GetPauseAsync(source.Name, cancellationToken) is { } pause && pause.Until > time.GetUtcNow())
        {
            IngestLog.SourcePaused(logger, queryKey, source.Name, pause.Until, pause.Reason);
            return new IngestRunResult(queryKey, 0, 0, 0, "source paused");
        }

        int pages = 0, received = 0, stored = 0;

        // Read once per run: after a page commits, the stored cursor is the one this run just wrote. A run that moved
        // it since is still caught by the store's optimistic check on the next page.
        var cursor = await store.GetCursorAsync(queryKey, cancellationToken);
        while (true)
        {
            // A page asks for no more posts than the day's budget has left; with less left than the smallest page
            // the network serves, the run stops rather than overshoot.
            int? readsLeft = null;
            if (source is IBudgetedSource { DailyReadBudget: { } budget } budgeted)
            {
                var reads = await state.GetReadsAsync(source.Name, brand.Name, Today(), cancellationToken);
                if (budget - reads < budgeted.MinimumPage)
                {
                    IngestLog.BudgetExhausted(logger, queryKey, source.Name, brand.Name, reads, budget);
                    return new IngestRunResult(queryKey, pages, received, stored, "budget used up");
                }

                readsLeft = (int)Math.Min(budget - reads, int.MaxValue);
            }

            MentionPage page;
            try
            {
                page = readsLeft is { } left && source is IBudgetedSource capped
                    ? await capped.FetchAsync(query, cursor, left, cancellationToken)
                    : await source.FetchAsync(query, cursor, cancellationToken);
            }
            catch (UsageCapExceededException ex)
            {
                await UsageCapPause.ApplyAsync(source.Name, ex, queryKey, state, operatorAlerts, logger, cancellationToken);
                return new IngestRunResult(queryKey, pages, received, stored, "usage cap exceeded");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IngestLog.FetchFailed(logger, queryKey, source.Name, ex);
                throw;
            }

            // Reads are billed when fetched, whether or not the page is then stored.
            if (page.Reads > 0)
            {
                await state.AddReadsAsync(source.Name, brand.Name, Today(), page.Reads, cancellationToken);
            }

            PipelineResult result;
            try
            {
                result = await pipeline.ProcessAsync(new PipelineBatch(queryKey, brand, page.Mentions, page.NextCursor, cursor), cancellationToken);
            }
            catch (CursorConflictException)
            {
                IngestLog.CursorConflict(logger, queryKey);
                return new IngestRunResult(queryKey, pages, received, stored, "cursor moved by another run");
            }

            cursor = page.NextCursor;
            pages++;
            received += result.Received;
            stored += result.Stored;
            if (!page.HasMore)
            {
                return new IngestRunResult(queryKey, pages, received, stored, "done");
            }

            if (pages >= options.Value.MaxPagesPerRun)
            {
                IngestLog.PageLimitReached(logger, queryKey, pages);
                return new IngestRunResult(queryKey, pages, received, stored, "page limit reached");
            }
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
