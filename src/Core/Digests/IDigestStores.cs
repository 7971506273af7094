namespace SocialWatch.Core.Digests;

/// <summary>Digest subscriptions as managed in the admin settings and the API.</summary>
public interface IDigestSubscriptionStore
{
    /// <summary>Stores a new subscription and returns it with its id.</summary>
    Task<DigestSubscription> CreateAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    Task<DigestSubscription?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>All subscriptions, by id.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a subscription; false when it does not exist.</summary>
    Task<bool> UpdateAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Deletes a subscription and its run history; false when it did not exist.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);
}

/// <summary>Where a digest run stands.</summary>
public enum DigestRunState
{
    /// <summary>Recorded, not yet handed to the mail server.</summary>
    Pending,

    /// <summary>Being handed to the mail server, or the outcome was lost (the host died): it may have been delivered.</summary>
    Sending,

    /// <summary>The mail server accepted the message.</summary>
    Sent,

    /// <summary>The mail server refused or could not be reached: nothing was delivered, a retry may send it.</summary>
    Failed,
}

/// <summary>One digest of one subscription for one period, with what it covered.</summary>
public sealed record DigestRun
{
    public long Id { get; init; }
    public long SubscriptionId { get; init; }
    public DateTimeOffset PeriodStart { get; init; }
    public DateTimeOffset PeriodEnd { get; init; }
    public DigestRunState State { get; init; }
    public int Attempts { get; init; }
    public required IReadOnlyList<string> Recipients { get; init; }
    public required IReadOnlyList<string> Brands { get; init; }
    public required string Subject { get; init; }
    public required string MessageId { get; init; }
    public long Mentions { get; init; }
    public long NegativeMentions { get; init; }
    public int AlertsOpened { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }
}

/// <summary>The send bookkeeping of digests: one row per (subscription, period end).</summary>
public interface IDigestRunStore
{
    Task<DigestRun?> GetAsync(long subscriptionId, DateTimeOffset periodEnd, CancellationToken cancellationToken);

    /// <summary>
    /// Records the run (if new) and moves it to <see cref="DigestRunState.Sending"/> if it is
    /// <see cref="DigestRunState.Pending"/> or <see cref="DigestRunState.Failed"/>, as one conditional update so
    /// that of two hosts racing for the same period only one wins. Returns the claimed run, or null when the run
    /// is already sending or sent.
    /// </summary>
    Task<DigestRun?> TryClaimAsync(DigestRun run, CancellationToken cancellationToken);

    Task MarkSentAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkFailedAsync(long runId, DateTimeOffset at, string error, CancellationToken cancellationToken);

    /// <summary>The latest runs of a subscription, newest period first.</summary>
    Task<IReadOnlyList<DigestRun>> ListAsync(long subscriptionId, int limit, CancellationToken cancellationToken);
}
