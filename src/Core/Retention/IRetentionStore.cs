namespace SocialWatch.Core.Retention;

/// <summary>Deletes personal data for retention and erasure requests.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> mentions of a brand created before the cutoff, with their
    /// snapshots and feedback labels; mentions behind an open alert are kept until the alert closes, and closed
    /// alerts lose their link and the quoted text in their title. Returns how many mentions were deleted.
    /// </summary>
    Task<int> PurgeMentionsAsync(string brand, DateTimeOffset createdBefore, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every mention of one author on a source (open alerts included: an erasure request overrides the
    /// queue), with snapshots and labels, and strips the quoted text from their alerts. Returns the mentions deleted.
    /// </summary>
    Task<int> EraseAuthorAsync(string source, string authorId, CancellationToken cancellationToken);
}

/// <summary>Audit of data removals, kept apart from the alerts' own audit trail.</summary>
public interface IDataAuditLog
{
    Task AddAsync(DataAuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<DataAuditEntry>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}

/// <param name="Action">"retention-purge" or "author-erasure".</param>
/// <param name="Subject">The brand purged, or a one-way hash of the erased author (the audit must not keep what it erased).</param>
public sealed record DataAuditEntry(long Id, string Action, string Subject, string Actor, DateTimeOffset At, int Count, string? Detail);
