using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Turns a keyed alert event (a new alert, a reopening, an SLA warning or breach) into the outbox rows of every outbox
/// sink (webhooks, critical e-mail), written in one transaction with the event's key: each is announced once, whether
/// by the queue of the host that raised it, by another host's recovery, by a later sweep, or by several racing.
/// </summary>
public sealed class AlertAnnouncer(IEnumerable<IAlertEventSink> sinks, INotificationOutbox outbox)
{
    private readonly IReadOnlyList<IOutboxAlertEventSink> _sinks = [.. sinks.OfType<IOutboxAlertEventSink>()];

    /// <summary>Returns false when the event was announced already (nothing is written then).</summary>
    public async Task<bool> AnnounceAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        var key = alertEvent.Key ?? throw new ArgumentException("Only a keyed event is announced.", nameof(alertEvent));
        var messages = new List<OutboxMessage>();

        // A closed alert (dismissed as a duplicate, or handled since) is marked announced without telling anyone.
        if (AlertStates.IsOpen(alertEvent.Alert.State))
        {
            foreach (var sink in _sinks)
            {
                messages.AddRange(await sink.ComposeAsync(alertEvent, cancellationToken));
            }
        }

        return await outbox.AnnounceAsync(alertEvent.Alert.Id, key, messages, cancellationToken);
    }
}
