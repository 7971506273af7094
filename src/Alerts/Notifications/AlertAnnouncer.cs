using SocialWatch.Alerts.Storage;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Turns the event that announces a new alert into the outbox rows of every outbox sink (webhooks, critical e-mail),
/// written in one transaction with the alert's announcement: an alert is announced once, whether by the queue of the
/// host that raised it, by another host's recovery, or by both racing.
/// </summary>
public sealed class AlertAnnouncer(IEnumerable<IAlertEventSink> sinks, INotificationOutbox outbox)
{
    private readonly IReadOnlyList<IOutboxAlertEventSink> _sinks = [.. sinks.OfType<IOutboxAlertEventSink>()];

    /// <summary>Returns false when the alert was announced already (nothing is written then).</summary>
    public async Task<bool> AnnounceAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();

        // A closed alert (dismissed as a duplicate, or already handled) is marked announced without telling anyone.
        if (AlertStates.IsOpen(alertEvent.Alert.State))
        {
            foreach (var sink in _sinks)
            {
                messages.AddRange(await sink.ComposeAsync(alertEvent, cancellationToken));
            }
        }

        return await outbox.AnnounceAsync(alertEvent.Alert.Id, messages, cancellationToken);
    }
}
