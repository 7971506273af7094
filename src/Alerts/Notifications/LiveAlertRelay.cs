using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Feeds the live dashboard stream from two sources: this host's own events (as a sink of the notification worker,
/// so they reach its browsers at once) and the <see cref="AlertChangeTail"/>, which reads every host's committed
/// changes. A change usually arrives by both ways, in either order; browsers hear of each alert version once: an event
/// whose alert version is not newer than one already relayed for that alert is dropped. SLA warnings and breaches
/// change no version and come only from the host whose sweep noticed them, so they always pass.
/// </summary>
public sealed class LiveAlertRelay(AlertEventStream stream) : IAlertEventSink
{
    // Enough alerts for every change of a busy hour; an alert that falls out is at worst announced twice.
    internal const int Capacity = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, int> _newestVersion = [];
    private readonly Queue<long> _order = new();

    public Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return TryRelay(alertEvent) ? stream.DeliverAsync(alertEvent, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Relays a change read from the database unless this host's browsers already heard of that version.</summary>
    public Task DeliverAsync(AlertChangeRecord change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return DeliverAsync(new AlertEvent(KindOf(change), change.Alert, change.At, change.Actor), cancellationToken);
    }

    /// <summary>The live-feed kind a committed change stands for.</summary>
    internal static AlertEventKind KindOf(AlertChangeRecord change) => change.From switch
    {
        null => AlertEventKind.Created,
        { } from when !AlertStates.IsOpen(from) && AlertStates.IsOpen(change.To) => AlertEventKind.Reopened,
        _ => AlertEventKind.Changed,
    };

    internal bool TryRelay(AlertEvent alertEvent)
    {
        if (alertEvent.Kind is AlertEventKind.SlaWarning or AlertEventKind.SlaBreached)
        {
            return true;
        }

        var alert = alertEvent.Alert;
        lock (_gate)
        {
            if (_newestVersion.TryGetValue(alert.Id, out var newest))
            {
                if (alert.Version <= newest)
                {
                    return false;
                }

                _newestVersion[alert.Id] = alert.Version;
                return true;
            }

            _newestVersion[alert.Id] = alert.Version;
            _order.Enqueue(alert.Id);
            while (_order.Count > Capacity)
            {
                _newestVersion.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
