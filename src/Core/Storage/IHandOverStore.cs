namespace SocialWatch.Core.Storage;

/// <summary>
/// Stored pages whose new mentions have not been handed to the stored-handlers (routing) yet: an outbox written in
/// the page's own transaction (<see cref="IngestBatch.HandOver"/>) and cleared once every handler has run. A host
/// that fails or stops in between leaves the record behind, and a recovery job hands the mentions over later.
/// </summary>
public interface IHandOverStore
{
    /// <summary>Clears a hand-over whose handlers all ran. Clearing one that is already gone does nothing.</summary>
    Task CompleteAsync(long handOverId, CancellationToken cancellationToken);

    /// <summary>Counts a failed try to hand one over, so that it is read after the ones tried less.</summary>
    Task RecordFailureAsync(long handOverId, CancellationToken cancellationToken);

    /// <summary>Hand-overs recorded before <paramref name="storedBefore"/>: the least-tried first, then the oldest.</summary>
    Task<IReadOnlyList<PendingHandOver>> GetPendingAsync(DateTimeOffset storedBefore, int limit, CancellationToken cancellationToken);
}

/// <summary>A page's new mentions, waiting to be handed over.</summary>
/// <param name="Attempts">Failed tries of the recovery so far.</param>
public sealed record PendingHandOver(long Id, IReadOnlyList<long> MentionIds, DateTimeOffset StoredAt, int Attempts = 0);
