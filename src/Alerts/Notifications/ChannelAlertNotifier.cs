using System.Threading.Channels;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Queues events for the <see cref="NotificationWorker"/>, which records webhooks and e-mails in the outbox and feeds
/// the live stream. Publishing never waits and never drops: the queue is unbounded because each event is small and
/// the worker only writes outbox rows (the slow sends happen later, from the outbox), so a burst of alerts costs
/// memory for seconds instead of losing critical e-mails.
/// </summary>
public sealed class ChannelAlertNotifier : IAlertNotifier
{
    private readonly Channel<AlertEvent> _channel = Channel.CreateUnbounded<AlertEvent>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<AlertEvent> Reader => _channel.Reader;

    public void Publish(AlertEvent alertEvent) => _channel.Writer.TryWrite(alertEvent);

    /// <summary>Stops accepting events; the worker drains what is queued.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
