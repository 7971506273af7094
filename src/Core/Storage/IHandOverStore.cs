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

    /// <summary>Hand-overs recorded before <paramref name="storedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingHandOver>> GetPendingAsync(DateTimeOffset storedBefore, int limit, CancellationToken cancellationToken);
}

/// <summary>A page's new mentions, waiting to be handed over.</summary>
public sealed record PendingHandOver(long Id, IReadOnlyList<long> MentionIds, DateTimeOffset StoredAt);
