using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// In-process broadcast for the live dashboard (the web layer relays it over SSE or SignalR). Each subscriber has
/// its own bounded buffer, so one slow browser cannot hold the others back; it misses the oldest events instead.
/// </summary>
public sealed class AlertEventStream(IOptions<NotificationOptions> options, ILogger<AlertEventStream> logger) : IAlertEventStream, IAlertEventSink
{
    private readonly ConcurrentDictionary<Guid, Channel<AlertEvent>> _subscribers = new();

    internal int SubscriberCount => _subscribers.Count;

    public Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(alertEvent);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AlertEvent> Subscribe([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<AlertEvent>(
            new BoundedChannelOptions(options.Value.SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => WorkflowLog.StreamDropped(logger, dropped.Kind.ToString(), dropped.Alert.Id));
        _subscribers[id] = channel;
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var alertEvent))
                {
                    yield return alertEvent;
                }
            }
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }
}
