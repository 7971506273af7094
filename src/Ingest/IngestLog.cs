using Microsoft.Extensions.Logging;

namespace SocialWatch.Ingest;

internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Source}: retry {Attempt} in {Delay} after {Reason}")]
    public static partial void RetryingRequest(ILogger logger, string source, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(2, LogLevel.Information, "{Source}: rate-limit window used up, waiting {Wait} for the reset")]
    public static partial void WaitingForRateLimit(ILogger logger, string source, TimeSpan wait);

    [LoggerMessage(3, LogLevel.Information, "{QueryKey}: page stored: {Received} received, {Filtered} filtered out, {Stored} new, {Duplicates} already stored")]
    public static partial void PageStored(ILogger logger, string queryKey, int received, int filtered, int stored, int duplicates);

    [LoggerMessage(19, LogLevel.Information, "{QueryKey}: the previous run is still going; this occurrence is skipped and the next one reads on from its cursor")]
    public static partial void RunSkipped(ILogger logger, string queryKey);

    [LoggerMessage(4, LogLevel.Warning, "{QueryKey}: no such watch query (brand or source removed); nothing to do")]
    public static partial void QueryNotFound(ILogger logger, string queryKey);

    [LoggerMessage(5, LogLevel.Warning, "{QueryKey}: source {Source} is paused until {Until}: {Reason}")]
    public static partial void SourcePaused(ILogger logger, string queryKey, string source, DateTimeOffset until, string reason);

    [LoggerMessage(6, LogLevel.Warning, "{QueryKey}: daily read budget of {Source} for brand {Brand} used up ({Reads} of {Budget}); skipped until the next UTC day")]
    public static partial void BudgetExhausted(ILogger logger, string queryKey, string source, string brand, long reads, long budget);

    [LoggerMessage(7, LogLevel.Error, "{QueryKey}: source {Source} hit its usage cap; paused until {Until}: {Detail}")]
    public static partial void UsageCapExceeded(ILogger logger, string queryKey, string source, DateTimeOffset until, string detail);

    [LoggerMessage(8, LogLevel.Warning, "{QueryKey}: another run committed this page first; this run stops")]
    public static partial void CursorConflict(ILogger logger, string queryKey);

    [LoggerMessage(9, LogLevel.Information, "{QueryKey}: read {Pages} pages, the most one run may; the next run continues from the stored cursor")]
    public static partial void PageLimitReached(ILogger logger, string queryKey, int pages);

    [LoggerMessage(10, LogLevel.Error, "{QueryKey}: fetching from {Source} failed; the cursor stays where it was and the job will be retried")]
    public static partial void FetchFailed(ILogger logger, string queryKey, string source, Exception exception);

    [LoggerMessage(11, LogLevel.Information, "Scheduled {Count} ingest jobs")]
    public static partial void JobsScheduled(ILogger logger, int count);

    [LoggerMessage(12, LogLevel.Information, "Removed recurring job {JobId}: its watch query no longer exists")]
    public static partial void StaleJobRemoved(ILogger logger, string jobId);

    [LoggerMessage(13, LogLevel.Information, "{Source}: engagement refreshed for {Updated} mentions, {Deleted} deleted at the source and redacted")]
    public static partial void EngagementRefreshed(ILogger logger, string source, int updated, int deleted);

    [LoggerMessage(14, LogLevel.Information, "{Source}: access token obtained, valid until {ExpiresAt}")]
    public static partial void TokenObtained(ILogger logger, string source, DateTimeOffset expiresAt);

    [LoggerMessage(15, LogLevel.Information, "{QueryKey}: {Received} pushed mentions, {Stored} new, {Duplicates} already stored")]
    public static partial void PushStored(ILogger logger, string queryKey, int received, int stored, int duplicates);

    [LoggerMessage(16, LogLevel.Error, "{QueryKey}: storing the page failed; the cursor did not move and the job will be retried")]
    public static partial void StoreFailed(ILogger logger, string queryKey, Exception exception);

    [LoggerMessage(17, LogLevel.Warning, "{Source}: the access token was refused; fetching a new one and retrying once")]
    public static partial void TokenRejected(ILogger logger, string source);

    [LoggerMessage(18, LogLevel.Error, "{Source}: engagement refresh failed; the other sources were refreshed and the job will be retried")]
    public static partial void RefreshFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(20, LogLevel.Warning, "Handed over {Count} mention(s) that a failed or stopped run had stored but not routed (hand-over {HandOverId}, stored {StoredAt:u})")]
    public static partial void HandOverRecovered(ILogger logger, int count, long handOverId, DateTimeOffset storedAt);

    [LoggerMessage(21, LogLevel.Error, "Handing over the mentions of hand-over {HandOverId} failed; it stays pending and the next run retries it")]
    public static partial void HandOverFailed(ILogger logger, long handOverId, Exception exception);

    [LoggerMessage(40, LogLevel.Information, "Watch list: {Count} entries reached the end of their window and were removed")]
    public static partial void WatchExpired(ILogger logger, int count);

    [LoggerMessage(41, LogLevel.Warning, "Daily read budget of {Source} for brand {Brand} used up ({Reads} of {Budget}); {Held} watch-list refreshes held until the next UTC day")]
    public static partial void WatchBudgetExhausted(ILogger logger, string source, string brand, long reads, long budget, int held);

    [LoggerMessage(42, LogLevel.Information, "{Stream}: connecting to {Instance} from cursor {Cursor}")]
    public static partial void StreamConnecting(ILogger logger, string stream, string instance, string cursor);

    [LoggerMessage(43, LogLevel.Warning, "{Stream}: connection to {Instance} ended ({Reason}); reconnecting in {Delay}")]
    public static partial void StreamDropped(ILogger logger, string stream, string instance, string reason, TimeSpan delay, Exception? exception);

    [LoggerMessage(44, LogLevel.Debug, "{Stream}: page stored at cursor {Cursor}: {Matched} matched, {Stored} new, {Deleted} deletes seen, {Redacted} redacted")]
    public static partial void StreamPageStored(ILogger logger, string stream, string cursor, int matched, int stored, int deleted, int redacted);

    [LoggerMessage(45, LogLevel.Information, "{Stream}: this host holds the consumer lease and starts consuming")]
    public static partial void StreamLeaseTaken(ILogger logger, string stream);

    [LoggerMessage(46, LogLevel.Warning, "{Stream}: the consumer lease was lost to another host; consuming stops")]
    public static partial void StreamLeaseLost(ILogger logger, string stream);

    [LoggerMessage(47, LogLevel.Warning, "{Stream}: the consumer lease could not be read or renewed")]
    public static partial void StreamLeaseFailed(ILogger logger, string stream, Exception exception);

    [LoggerMessage(48, LogLevel.Error, "{Stream}: the consumer failed; the cursor stays at the last committed page and it restarts in {Delay}")]
    public static partial void StreamFailed(ILogger logger, string stream, TimeSpan delay, Exception exception);

    [LoggerMessage(49, LogLevel.Warning, "{Stream}: another host committed the cursor; this host stops consuming")]
    public static partial void StreamCursorConflict(ILogger logger, string stream);

    [LoggerMessage(50, LogLevel.Debug, "{Stream}: skipped a malformed event ({Malformed} so far)")]
    public static partial void StreamEventMalformed(ILogger logger, string stream, long malformed);

    [LoggerMessage(51, LogLevel.Information, "{Stream}: brand matcher rebuilt: {Brands} brands, {Patterns} patterns")]
    public static partial void StreamMatcherBuilt(ILogger logger, string stream, int brands, int patterns);

    [LoggerMessage(52, LogLevel.Warning, "{Source}: reading {Count} authors' profiles failed; their posts are stored without handle or reach")]
    public static partial void ProfilesFailed(ILogger logger, string source, int count, Exception exception);

    [LoggerMessage(53, LogLevel.Information, "{Source}: backfill by search from {Since} stored {Stored} posts")]
    public static partial void BackfillDone(ILogger logger, string source, DateTimeOffset since, int stored);

    [LoggerMessage(54, LogLevel.Error, "{Source}: the backfill by search failed; the stream goes on without it")]
    public static partial void BackfillFailed(ILogger logger, string source, Exception exception);
}
