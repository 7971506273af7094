using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Sends what the outbox holds, on every host: claims due rows, posts each webhook (signed when it has a secret) or
/// sends each e-mail, deletes what was delivered, and moves a failed row by an exponential back-off until
/// <see cref="NotificationOptions.WebhookMaxAttempts"/> tries are used, when it is given up and kept for an operator.
/// A host that dies mid-batch leaves its rows to the next claim once the lease ends, so a notification is sent at least
/// once; receivers can drop a repeat by its <see cref="WebhookClient.DeliveryHeader"/>. Every settled try is recorded
/// for its receiver with the row's change (the admin webhooks page reads it), and tries older than
/// <see cref="NotificationOptions.DeliveryLogRetention"/> are pruned about once an hour.
/// </summary>
public sealed class NotificationOutboxWorker(
    INotificationOutbox outbox,
    WebhookClient webhooks,
    IWebhookStore stored,
    INotificationDeliveryLog deliveries,
    IEmailSender email,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationOutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var o = options.Value;
            var delay = o.OutboxPollInterval;
            try
            {
                if (await DeliverDueAsync(stoppingToken) >= o.OutboxBatch)
                {
                    // A full batch: there is probably more, so go on without waiting.
                    delay = TimeSpan.Zero;
                }

                await PruneIfDueAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away: the rows stay where they are, and the next look finds them.
                failures++;
                delay = WebhookClient.BackOff(failures, o.OutboxPollInterval, TimeSpan.FromSeconds(30), null);
                WorkflowLog.OutboxFailed(logger, ex, failures, delay);
            }

            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims a batch and settles every row of it; returns how many rows were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var claimed = await outbox.ClaimAsync(time.GetUtcNow(), o.OutboxLease, o.OutboxBatch, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var targets = claimed.Any(e => e.Channel == NotificationChannels.Webhook)
            ? (await WebhookSink.TargetsAsync(stored, o, cancellationToken)).ToDictionary(t => t.Key, t => t.Target, StringComparer.Ordinal)
            : [];
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = o.OutboxParallelism, CancellationToken = cancellationToken },
            async (entry, ct) => await SettleAsync(entry, await SendAsync(entry, targets, ct), ct));
        return claimed.Count;
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _prunedAt < PruneInterval)
        {
            return;
        }

        await deliveries.PruneAsync(now - options.Value.DeliveryLogRetention, cancellationToken);
        _prunedAt = now;
    }

    private async Task<Outcome> SendAsync(OutboxEntry entry, Dictionary<string, WebhookTarget> targets, CancellationToken cancellationToken)
    {
        switch (entry.Channel)
        {
            case NotificationChannels.Webhook:
                if (!targets.TryGetValue(entry.Target, out var target))
                {
                    return new Outcome(false, false, "the webhook is no longer configured", null, null);
                }

                var result = await webhooks.SendAsync(target, entry.Id, entry.Payload, cancellationToken);
                return new Outcome(
                    result.Delivered,
                    result.Retry,
                    $"webhook {target.Name} answered {(result.Status == 0 ? "nothing" : result.Status)}",
                    result.RetryAfter,
                    result.Status == 0 ? null : result.Status);

            case NotificationChannels.Email:
                try
                {
                    await email.SendAsync(OutboxJson.DeserializeEmail(entry.Payload), cancellationToken);
                    return new Outcome(true, false, "", null, null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return new Outcome(false, true, $"mail server: {ex.Message}", null, null);
                }

            default:
                return new Outcome(false, false, $"unknown channel '{entry.Channel}'", null, null);
        }
    }

    private async Task SettleAsync(OutboxEntry entry, Outcome outcome, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (outcome.Delivered)
        {
            await outbox.CompleteAsync(entry, now, outcome.Status, cancellationToken);
            return;
        }

        if (!outcome.Retry || entry.Attempts >= o.WebhookMaxAttempts)
        {
            WorkflowLog.OutboxGaveUp(logger, entry.Channel, entry.Target, entry.AlertId, entry.Attempts, outcome.Error);
            await outbox.GiveUpAsync(entry, now, outcome.Status, outcome.Error, cancellationToken);
            return;
        }

        var delay = WebhookClient.BackOff(entry.Attempts, o.WebhookFirstRetryDelay, o.WebhookMaxRetryDelay, outcome.RetryAfter);
        WorkflowLog.OutboxRetry(logger, entry.Channel, entry.Target, entry.Attempts, delay, outcome.Error);
        await outbox.RetryAsync(entry, now, now + delay, outcome.Status, outcome.Error, cancellationToken);
    }

    private sealed record Outcome(bool Delivered, bool Retry, string Error, TimeSpan? RetryAfter, int? Status);
}
