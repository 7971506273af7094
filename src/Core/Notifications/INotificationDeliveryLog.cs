namespace SocialWatch.Core.Notifications;

/// <summary>What became of one try of an outbox row.</summary>
public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Failed; the row is due again at <see cref="DeliveryAttempt.RetryAt"/>.</summary>
    Retrying,

    /// <summary>Failed for the last time; the row is kept, given up, until an admin retries it.</summary>
    GaveUp,
}

/// <summary>One settled try, as the outbox recorded it with the row's change.</summary>
/// <param name="Status">The receiver's HTTP status; null for e-mail and when no answer came.</param>
/// <param name="Error">Why it failed, as the remote server or mail server put it; null when delivered.</param>
public sealed record DeliveryAttempt(long OutboxId, long AlertId, DateTimeOffset At, DeliveryOutcome Outcome, int? Status, string? Error, DateTimeOffset? RetryAt);

/// <summary>
/// One receiver's deliveries: a channel and its target (the outbox row's names, e.g. <c>webhook</c> +
/// <c>config:ops</c>), with the tries the log still keeps and the rows the outbox holds for it now.
/// </summary>
/// <param name="DeliveredSince">Deliveries at or after the summary's <c>since</c>.</param>
/// <param name="FailedSince">Failed tries (retried or given up) at or after the summary's <c>since</c>.</param>
/// <param name="Pending">Outbox rows still to be tried.</param>
/// <param name="GivenUp">Outbox rows given up and kept.</param>
public sealed record ReceiverDeliveries(
    string Channel,
    string Target,
    DeliveryAttempt? LastAttempt,
    DateTimeOffset? LastDeliveredAt,
    DeliveryAttempt? LastFailure,
    long DeliveredSince,
    long FailedSince,
    long Pending,
    long GivenUp);

/// <summary>An outbox row that used every try, kept for an operator.</summary>
public sealed record GivenUpNotification(long Id, string Channel, string Target, long AlertId, int Attempts, DateTimeOffset GaveUpAt, string? LastError);

/// <summary>
/// Reads what the outbox recorded about its deliveries, for the admin webhooks page, and lets an admin send a given-up
/// row again.
/// </summary>
public interface INotificationDeliveryLog
{
    /// <summary>Every receiver the log or the outbox names, ordered by channel and target.</summary>
    Task<IReadOnlyList<ReceiverDeliveries>> SummarizeAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Given-up rows, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<GivenUpNotification>> ListGivenUpAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a given-up row due at <paramref name="now"/> with a fresh round of tries, written to the admin audit in the
    /// same transaction; false when no given-up row has this id (delivered, erased, or retried already).
    /// </summary>
    Task<bool> RetryGivenUpAsync(long id, DateTimeOffset now, string actor, CancellationToken cancellationToken);

    /// <summary>Deletes tries recorded before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
