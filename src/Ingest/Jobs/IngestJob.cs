using System.Runtime.ExceptionServices;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Pipeline;

namespace SocialWatch.Ingest.Jobs;

/// <summary>What one run of a watch query did.</summary>
public sealed record IngestRunResult(string QueryKey, int Pages, int Received, int Stored, string Outcome);

/// <summary>
/// Polls one watch query: page after page from its stored cursor, each page stored together with the cursor after it.
/// Hangfire runs it per query key as a recurring job; the distributed lock keeps two runs of one query apart on any
/// number of hosts, and the cursor's optimistic check catches a run that slipped past the lock.
/// </summary>
public sealed class IngestJob(
    WatchQueryCatalog catalog,
    IMentionStore store,
    IIngestStateStore state,
    MentionPipeline pipeline,
    IOperatorAlerts operatorAlerts,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestJob> logger)
{
    [DisableConcurrentExecution("ingest:{0}", 15)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<IngestRunResult> RunAsync(string queryKey, CancellationToken cancellationToken)
    {
        var entry = catalog.Find(queryKey);
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

        // The next page is fetched, parsed and scored on another thread while this one is stored: its cursor is known
        // as soon as this page is read. Pages are still stored one at a time, in order, each with its cursor in one
        // transaction; a page read ahead is dropped unstored when the run stops before it, and the next run reads it
        // again from the stored cursor. Reads are billed here, on the job's own path, so that the read-ahead never
        // competes with the page commit for the database's write lock.
        Task<FetchedPage>? next = null;
        try
        {
            if (await BudgetUsedUpAsync(queryKey, source, brand, cancellationToken))
            {
                return new IngestRunResult(queryKey, pages, received, stored, "budget used up");
            }

            var pending = FetchAsync(query, queryKey, source, brand, cursor, cancellationToken);
            next = pending;
            while (true)
            {
                FetchedPage fetched;
                try
                {
                    fetched = await pending;
                }
                catch (UsageCapExceededException ex)
                {
                    next = null;
                    await state.PauseSourceAsync(source.Name, ex.Until, ex.Detail, cancellationToken);
                    IngestLog.UsageCapExceeded(logger, queryKey, source.Name, ex.Until, ex.Detail);
                    await operatorAlerts.RaiseAsync(
                        source.Name,
                        $"{source.Name} refuses further reads (usage cap: {ex.Detail}). Polling of {source.Name} is paused until {ex.Until:u}; raise the plan's cap to resume earlier.",
                        cancellationToken);
                    return new IngestRunResult(queryKey, pages, received, stored, "usage cap exceeded");
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    next = null;
                    IngestLog.FetchFailed(logger, queryKey, source.Name, ex);
                    throw;
                }

                next = null;

                // Reads are billed when fetched, whether or not the page is then stored.
                await BillReadsAsync(fetched.Page, source, brand, cancellationToken);
                var prepared = fetched.Prepared();
                var page = fetched.Page;
                var budgetUsedUp = false;
                if (page.HasMore && pages + 1 < options.Value.MaxPagesPerRun)
                {
                    budgetUsedUp = await BudgetUsedUpAsync(queryKey, source, brand, cancellationToken);
                    if (!budgetUsedUp)
                    {
                        pending = FetchAsync(query, queryKey, source, brand, page.NextCursor, cancellationToken);
                        next = pending;
                    }
                }

                PipelineResult result;
                try
                {
                    result = await pipeline.StoreAsync(prepared, cancellationToken);
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

                if (budgetUsedUp)
                {
                    return new IngestRunResult(queryKey, pages, received, stored, "budget used up");
                }
            }
        }
        finally
        {
            // The run ends before the page read ahead (an error or a conflict storing the page before it): wait for that
            // read, which was already sent, and bill it; the page itself is dropped unstored.
            if (next is not null)
            {
                FetchedPage? dropped = null;
                try
                {
                    dropped = await next;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Its error is not this run's: the run already ends with the outcome of the page before it.
                }

                if (dropped is not null)
                {
                    await BillReadsAsync(dropped.Page, source, brand, cancellationToken);
                }
            }
        }
    }

    /// <summary>A page as the source returned it, and the same page normalised, deduplicated and scored (or why that failed).</summary>
    private sealed record FetchedPage(MentionPage Page, PreparedPage? Ready, ExceptionDispatchInfo? Failure)
    {
        public PreparedPage Prepared()
        {
            Failure?.Throw();
            return Ready!;
        }
    }

    // Runs on the thread pool so that it overlaps the store of the page before; touches no database.
    private Task<FetchedPage> FetchAsync(
        WatchQuery query, string queryKey, IMentionSource source, Brand brand, string? cursor, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                var page = await source.FetchAsync(query, cursor, cancellationToken);
                try
                {
                    return new FetchedPage(page, pipeline.Prepare(new PipelineBatch(queryKey, brand, page.Mentions, page.NextCursor, cursor)), null);
                }
                catch (Exception ex)
                {
                    // The page was read: it is billed before the error surfaces.
                    return new FetchedPage(page, null, ExceptionDispatchInfo.Capture(ex));
                }
            },
            cancellationToken);

    private async Task BillReadsAsync(MentionPage page, IMentionSource source, Brand brand, CancellationToken cancellationToken)
    {
        if (page.Reads > 0)
        {
            await state.AddReadsAsync(source.Name, brand.Name, Today(), page.Reads, cancellationToken);
        }
    }

    private async Task<bool> BudgetUsedUpAsync(string queryKey, IMentionSource source, Brand brand, CancellationToken cancellationToken)
    {
        if (source is not IBudgetedSource { DailyReadBudget: { } budget })
        {
            return false;
        }

        var reads = await state.GetReadsAsync(source.Name, brand.Name, Today(), cancellationToken);
        if (reads < budget)
        {
            return false;
        }

        IngestLog.BudgetExhausted(logger, queryKey, source.Name, brand.Name, reads, budget);
        return true;
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
