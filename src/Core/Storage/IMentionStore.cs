using SocialWatch.Core.Mentions;

namespace SocialWatch.Core.Storage;

/// <summary>
/// Mentions, their scores, per-query cursors and engagement snapshots.
/// Implemented once per SQL dialect; the contract tests run against every one.
/// </summary>
public interface IMentionStore
{
    /// <summary>
    /// Stores a page of scored mentions and moves the query's cursor in ONE transaction.
    /// Mentions already stored (same source, external id and brand) are skipped, so a re-run stores nothing twice; a post
    /// found for two brands is stored once for each, so every brand's queue, counts and alerts see it.
    /// If <see cref="IngestBatch.ExpectedCursor"/> does not match the stored cursor, nothing is written and
    /// <see cref="CursorConflictException"/> is thrown (another host committed this page first).
    /// </summary>
    Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken);

    /// <summary>The opaque cursor last committed for a query, or null before its first poll.</summary>
    Task<string?> GetCursorAsync(string queryKey, CancellationToken cancellationToken);

    Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken);

    /// <summary>The post's first stored copy (lowest id), whichever brand it was stored for.</summary>
    Task<StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken);

    /// <summary>The post as stored for <paramref name="brand"/>; null <paramref name="brand"/> finds its first stored copy.</summary>
    Task<StoredMention?> FindMentionAsync(string source, string externalId, string? brand, CancellationToken cancellationToken);

    /// <summary>Mentions matching the query, newest first.</summary>
    Task<IReadOnlyList<StoredMention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken);

    /// <summary>Mentions of a source that have an open alert: the ones whose engagement the refresh job re-reads.</summary>
    Task<IReadOnlyList<StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken);

    /// <summary>Records engagement read by the refresh job and updates the mention's current metrics.</summary>
    Task AddSnapshotsAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken);

    /// <summary>Snapshots of one mention, oldest first.</summary>
    Task<IReadOnlyList<EngagementSnapshot>> GetSnapshotsAsync(long mentionId, CancellationToken cancellationToken);

    /// <summary>
    /// Compliance: removes the text and author data of deleted posts (every brand's copy), keeping the rows so that a
    /// later poll does not store them again. Returns how many mentions were redacted.
    /// </summary>
    Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken);
}

/// <summary>One page of an ingest poll, committed atomically with the cursor that follows it.</summary>
/// <param name="QueryKey">Stable key of the watch query, e.g. "acme:x:search".</param>
/// <param name="Mentions">Scored mentions of the page (may be empty: the cursor still moves).</param>
/// <param name="NewCursor">Cursor to store after this page.</param>
/// <param name="ExpectedCursor">Cursor the page was read from; null for the query's first poll.</param>
/// <param name="HandOver">
/// Record the new mentions as a pending hand-over (<see cref="IHandOverStore"/>) in the same transaction, so that a
/// failure after the commit and before the stored-handlers (routing) finish leaves them to be handed over later.
/// </param>
public sealed record IngestBatch(string QueryKey, IReadOnlyList<ScoredMention> Mentions, string? NewCursor, string? ExpectedCursor, bool HandOver = false);

/// <summary>What a batch did: the rows it inserted (duplicates are not in the list).</summary>
/// <param name="HandOverId">The pending hand-over recorded for the inserted rows; null when none was asked for or nothing was inserted.</param>
public sealed record StoreBatchResult(int Received, IReadOnlyList<StoredMention> Inserted, long? HandOverId = null);

/// <summary>The stored cursor moved since the page was read; the page was not stored.</summary>
public sealed class CursorConflictException(string queryKey)
    : Exception($"The cursor of '{queryKey}' was moved by another run; the page was not stored.")
{
    public string QueryKey { get; } = queryKey;
}
