using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Closes the gap between an alert's commit and its outbox rows: the event that announces a new or reopened alert waits
/// in this host's memory until the <see cref="NotificationWorker"/> writes the rows, and a host that dies (or is killed)
/// in between would lose the webhooks and critical e-mails of a stored change. Every host looks, every
/// <see cref="NotificationOptions.AnnouncementRecoveryInterval"/>, for alerts created, and cases reopened by a
/// re-complaint, within the recovery window and older than the grace that were never announced, and announces them
/// through the <see cref="AlertAnnouncer"/>; the event's key makes it once, whoever gets there first. (SLA notices need
/// no recovery: the sweep announces them in line and repeats every minute until it has.)
/// </summary>
public sealed class AlertAnnouncementRecovery(
    INotificationOutbox outbox,
    IAlertStore alerts,
    AlertAnnouncer announcer,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<AlertAnnouncementRecovery> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var o = options.Value;
            var delay = o.AnnouncementRecoveryInterval;
            try
            {
                await RecoverAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away: what was not announced is still not announced at the next look.
                failures++;
                delay = WebhookClient.BackOff(failures, o.AnnouncementRecoveryInterval, TimeSpan.FromMinutes(5), null);
                WorkflowLog.AnnouncementRecoveryFailed(logger, ex, failures, delay);
            }

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

    /// <summary>One look: announces every unannounced alert and reopening in the window; returns how many this host announced.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var from = now - o.AnnouncementRecoveryWindow;
        var before = now - o.AnnouncementRecoveryGrace;
        var announced = 0;
        while (true)
        {
            var ids = await outbox.FindUnannouncedAsync(from, before, Batch, cancellationToken);
            var progress = false;
            foreach (var id in ids)
            {
                if (await alerts.GetAsync(id, cancellationToken) is not { } alert)
                {
                    continue;
                }

                progress = true;
                if (await announcer.AnnounceAsync(AlertEvent.Announcing(alert, now), cancellationToken))
                {
                    announced++;
                }
            }

            if (ids.Count < Batch || !progress)
            {
                break;
            }
        }

        while (true)
        {
            var reopenings = await outbox.FindUnannouncedReopeningsAsync(from, before, Batch, cancellationToken);
            var progress = false;
            foreach (var reopening in reopenings)
            {
                if (await alerts.GetAsync(reopening.AlertId, cancellationToken) is not { } alert)
                {
                    continue;
                }

                progress = true;
                if (await announcer.AnnounceAsync(AlertEvent.Reopening(alert, reopening.MentionId, now, "recovery"), cancellationToken))
                {
                    announced++;
                }
            }

            if (reopenings.Count < Batch || !progress)
            {
                break;
            }
        }

        if (announced > 0)
        {
            WorkflowLog.AnnouncementsRecovered(logger, announced);
        }

        return announced;
    }
}
