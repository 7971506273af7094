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
    public async Task<bool> AnnounceAsync(AlertEvent alertEvent, CancellationToken cancellationToken) =>
        (await AnnounceAllAsync([alertEvent], cancellationToken))[0];

    /// <summary>
    /// Announces many keyed events in one transaction (a sweep's notices), each sink composing all of them at once;
    /// returns, in order, whether each was announced now (false: announced already, nothing written for it).
    /// </summary>
    public async Task<IReadOnlyList<bool>> AnnounceAllAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        if (events.Any(e => e.Key is null))
        {
            throw new ArgumentException("Only a keyed event is announced.", nameof(events));
        }

        var messages = events.Select(_ => new List<OutboxMessage>()).ToList();

        // A closed alert (dismissed as a duplicate, or handled since) is marked announced without telling anyone.
        var open = events.Select((e, i) => (Event: e, Index: i)).Where(x => AlertStates.IsOpen(x.Event.Alert.State)).ToList();
        if (open.Count > 0)
        {
            foreach (var sink in _sinks)
            {
                var composed = await sink.ComposeAsync([.. open.Select(x => x.Event)], cancellationToken);
                for (var j = 0; j < open.Count; j++)
                {
                    messages[open[j].Index].AddRange(composed[j]);
                }
            }
        }

        return await outbox.AnnounceAllAsync(
            [.. events.Select((e, i) => new Announcement(e.Alert.Id, e.Key!, messages[i]))], cancellationToken);
    }
}
