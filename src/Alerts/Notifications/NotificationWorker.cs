using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Notifications;

/// <summary>A sink that records the event in the outbox: its failure means the database is away, and it is retried until it is back.</summary>
public interface IOutboxAlertEventSink : IAlertEventSink
{
    /// <summary>
    /// The outbox rows this sink wants for each event, in the events' order, without writing them (the announcer writes
    /// every sink's at once). What the sink reads to compose them (webhooks, teams) it reads once for all the events.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<OutboxMessage>>> ComposeAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Background loop that hands each queued event to every sink. One failing sink does not stop the others; a sink that
/// writes the outbox is retried (waits doubling up to half a minute) until its rows are written, so a database
/// outage delays webhooks and e-mails instead of losing them. A keyed event (<see cref="AlertEvent.Key"/>) goes to the
/// outbox sinks through the <see cref="AlertAnnouncer"/>, all their rows in one transaction with its key; an event
/// whose rows were written before it was published reaches only the other sinks.
/// </summary>
public sealed class NotificationWorker(
    ChannelAlertNotifier queue, IEnumerable<IAlertEventSink> sinks, AlertAnnouncer announcer, TimeProvider time, ILogger<NotificationWorker> logger)
    : BackgroundService
{
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<IAlertEventSink> _sinks = [.. sinks];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alertEvent in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(alertEvent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    internal async Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        var announced = false;
        foreach (var sink in _sinks)
        {
            var outboxSink = sink is IOutboxAlertEventSink;
            if (outboxSink && alertEvent.OutboxWritten)
            {
                continue;
            }

            var keyed = outboxSink && alertEvent.Key is not null;
            if (keyed)
            {
                if (announced)
                {
                    continue;
                }

                announced = true;
            }

            for (var failures = 1; ; failures++)
            {
                try
                {
                    if (keyed)
                    {
                        await announcer.AnnounceAsync(alertEvent, cancellationToken);
                    }
                    else
                    {
                        await sink.DeliverAsync(alertEvent, cancellationToken);
                    }

                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    WorkflowLog.SinkFailed(logger, ex, sink.GetType().Name, alertEvent.Alert.Id);
                    if (!outboxSink)
                    {
                        // The live stream is best effort on top of the stored alert; browsers refresh from the database.
                        break;
                    }

                    await Task.Delay(WebhookClient.BackOff(failures, FirstRetryDelay, MaxRetryDelay, null), time, cancellationToken);
                }
            }
        }
    }
}
