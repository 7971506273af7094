namespace SocialWatch.Core.Notifications;

/// <summary>The channels a notification goes out on; the outbox row names one.</summary>
public static class NotificationChannels
{
    public const string Webhook = "webhook";

    public const string Email = "email";
}

/// <summary>One notification to send: a webhook body for one target, or one e-mail.</summary>
/// <param name="Target">For a webhook, the key of its target (the webhook sink's target key); for an e-mail, "email".</param>
/// <param name="Payload">The webhook's JSON body, or the e-mail as JSON; built once, when the alert changed.</param>
public sealed record OutboxMessage(string Channel, string Target, long AlertId, string Payload);

/// <summary>A claimed outbox row: this host may send it until the lease runs out.</summary>
/// <param name="Attempts">Tries so far, this one included.</param>
public sealed record OutboxEntry(long Id, string Channel, string Target, long AlertId, string Payload, int Attempts, string Claim);

/// <summary>An alert event's key and the outbox rows that announce it (none when nobody is to be told).</summary>
public sealed record Announcement(long AlertId, string Key, IReadOnlyList<OutboxMessage> Messages);

/// <summary>A case that mention <paramref name="MentionId"/> reopened, with no announcement recorded.</summary>
public sealed record UnannouncedReopening(long AlertId, long MentionId);

/// <summary>
/// Durable queue of webhooks and e-mails between an alert change and its delivery. Every host may claim; a claim
/// takes rows that are due and not claimed by a live lease, so two hosts never hold the same row at once.
/// </summary>
public interface INotificationOutbox
{
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Records the alert event under <paramref name="key"/> (the alert workflow's announcement keys) and enqueues its messages, in
    /// one transaction; when the event was announced already (by another host, the recovery, or an earlier sweep), writes
    /// nothing and returns false.
    /// </summary>
    Task<bool> AnnounceAsync(long alertId, string key, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AnnounceAsync"/> for many events in one transaction (a sweep's notices): each is recorded with its
    /// rows unless it was announced already. Returns, in the given order, whether each one was announced now.
    /// </summary>
    Task<IReadOnlyList<bool>> AnnounceAllAsync(IReadOnlyList<Announcement> announcements, CancellationToken cancellationToken);

    /// <summary>
    /// The events of these alerts already announced under a key that starts with <paramref name="keyPrefix"/> (a cheap
    /// look before composing messages): one query for a sweep instead of one per alert.
    /// </summary>
    Task<IReadOnlySet<(long AlertId, string Key)>> FindAnnouncedAsync(IReadOnlyCollection<long> alertIds, string keyPrefix, CancellationToken cancellationToken);

    /// <summary>Alerts created at or after <paramref name="from"/> and before <paramref name="before"/> that were never announced, lowest id first.</summary>
    Task<IReadOnlyList<long>> FindUnannouncedAsync(DateTimeOffset from, DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Reopenings by a re-complaint at or after <paramref name="from"/> and before <paramref name="before"/> that were never announced, oldest first.</summary>
    Task<IReadOnlyList<UnannouncedReopening>> FindUnannouncedReopeningsAsync(DateTimeOffset from, DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="limit"/> due rows, oldest first, until <paramref name="now"/> + <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a delivered row (only while this claim still holds it) and records the delivery for its receiver in the
    /// same transaction. <paramref name="status"/> is the receiver's HTTP status (null for e-mail).
    /// </summary>
    Task CompleteAsync(OutboxEntry entry, DateTimeOffset at, int? status, CancellationToken cancellationToken);

    /// <summary>Makes the row due again at <paramref name="dueAt"/> after a failed try at <paramref name="at"/>, recording the failure.</summary>
    Task RetryAsync(OutboxEntry entry, DateTimeOffset at, DateTimeOffset dueAt, int? status, string error, CancellationToken cancellationToken);

    /// <summary>Keeps the row, never to be tried again, with the reason for an operator, recording the last failure.</summary>
    Task GiveUpAsync(OutboxEntry entry, DateTimeOffset at, int? status, string error, CancellationToken cancellationToken);

    /// <summary>Rows not delivered yet and not given up (for health and tests).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);
}
