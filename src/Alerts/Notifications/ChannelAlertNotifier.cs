using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Queues events for the <see cref="NotificationWorker"/>. Publishing never waits: when the queue is full the
/// oldest waiting event is dropped (and logged) so that ingest and agents' actions never stall behind a slow
/// webhook or mail server.
/// </summary>
public sealed class ChannelAlertNotifier : IAlertNotifier
{
    private readonly Channel<AlertEvent> _channel;

    public ChannelAlertNotifier(IOptions<NotificationOptions> options, ILogger<ChannelAlertNotifier> logger)
    {
        _channel = Channel.CreateBounded<AlertEvent>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => WorkflowLog.NotificationDropped(logger, dropped.Kind.ToString(), dropped.Alert.Id));
    }

    internal ChannelReader<AlertEvent> Reader => _channel.Reader;

    public void Publish(AlertEvent alertEvent) => _channel.Writer.TryWrite(alertEvent);

    /// <summary>Stops accepting events; the worker drains what is queued.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
