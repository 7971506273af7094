using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialWatch.Alerts.Notifications;

/// <summary>Background loop that hands each queued event to every sink; one failing sink does not stop the others.</summary>
public sealed class NotificationWorker(ChannelAlertNotifier queue, IEnumerable<IAlertEventSink> sinks, ILogger<NotificationWorker> logger)
    : BackgroundService
{
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
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.DeliverAsync(alertEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A notification is best effort on top of the stored alert, which stays in the queue regardless.
                WorkflowLog.SinkFailed(logger, ex, sink.GetType().Name, alertEvent.Alert.Id);
            }
        }
    }
}
