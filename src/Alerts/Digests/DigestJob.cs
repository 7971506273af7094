using Microsoft.Extensions.Logging;
using SocialWatch.Alerts.Email;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

/// <summary>
/// The Hangfire recurring job of one subscription: sends the latest due digest exactly once. It throws when the
/// mail server does not take the message, so Hangfire retries it.
/// </summary>
public sealed class DigestJob(
    IDigestSubscriptionStore subscriptions,
    IDigestRunStore runs,
    DigestComposer composer,
    IEmailSender sender,
    TimeProvider time,
    ILogger<DigestJob> logger)
{
    public async Task RunAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(subscriptionId, cancellationToken);
        if (subscription is not { Enabled: true })
        {
            DigestLog.SubscriptionInactive(logger, subscriptionId);
            return;
        }

        var schedule = DigestSchedule.For(subscription);
        var now = time.GetUtcNow();

        // Only the latest due period is sent: after days of downtime the reader wants today's digest, not a pile.
        var period = schedule.LatestDue(now);
        var existing = await runs.GetAsync(subscriptionId, period.End, cancellationToken);
        if (existing is { State: DigestRunState.Sent or DigestRunState.Sending })
        {
            DigestLog.AlreadyHandled(logger, subscriptionId, period.End, existing.State);
            return;
        }

        // Build before claiming: a query that fails here leaves no record behind, so the retry starts clean.
        var digest = await composer.ComposeAsync(subscription, schedule, period, now, ChartEmbedding.ContentId, cancellationToken);

        // Record, then send, then mark sent. The claim is written before the SMTP conversation, so a crash or a
        // failed database write AFTER the server accepted the message leaves the run in Sending, and every later
        // run (a Hangfire retry, the next trigger, another host) sees it and does not send again. The price is that
        // a host dying mid-conversation loses that one digest; a duplicate is what the reader must never get.
        // A refusal the server states (or a connection that cannot be made) is known not to have delivered
        // anything, so that run is marked Failed and the retry may claim it again.
        var run = await runs.TryClaimAsync(
            new DigestRun
            {
                SubscriptionId = subscriptionId,
                PeriodStart = period.Start,
                PeriodEnd = period.End,
                State = DigestRunState.Sending,
                Recipients = subscription.Recipients,
                Brands = subscription.Brands,
                Subject = digest.Message.Subject,
                MessageId = digest.Message.MessageId!,
                Mentions = digest.Report.Volume.Mentions,
                NegativeMentions = digest.Report.Volume.Negative,
                AlertsOpened = digest.Report.Alerts.Opened,
                UpdatedAt = now,
            },
            cancellationToken);
        if (run is null)
        {
            DigestLog.AlreadyHandled(logger, subscriptionId, period.End, DigestRunState.Sending);
            return;
        }

        try
        {
            await sender.SendAsync(digest.Message, cancellationToken);
        }
        catch (Exception ex)
        {
            DigestLog.SendFailed(logger, ex, subscriptionId, period.End);
            try
            {
                await runs.MarkFailedAsync(run.Id, time.GetUtcNow(), Truncate(ex.Message, 1000), CancellationToken.None);
            }
            catch (Exception recordEx)
            {
                DigestLog.FailureNotRecorded(logger, recordEx, run.Id);
            }

            throw;
        }

        // The server has the message: recording it must not be skipped because the host is shutting down.
        await runs.MarkSentAsync(run.Id, time.GetUtcNow(), CancellationToken.None);
        DigestLog.Sent(logger, subscriptionId, period.Start, period.End, subscription.Recipients.Count, digest.Report.Volume.Mentions);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
