using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Notifications;

public enum AlertEventKind
{
    Created,
    Changed,
    Reopened,
    SlaWarning,
    SlaBreached,
    PromiseBroken,
    SpikeDetected,
}

/// <summary>Something happened to an alert that people should hear about.</summary>
/// <param name="Detail">Human-readable detail; may quote untrusted text, so every sink encodes it.</param>
public sealed record AlertEvent(AlertEventKind Kind, Alert Alert, DateTimeOffset At, string? Actor = null, string? Detail = null)
{
    /// <summary>
    /// The event is the one that tells people a new alert exists (routing's, the spike detector's, the promise check's):
    /// its outbox rows are recorded at most once per alert, and recovered if the host dies before recording them.
    /// </summary>
    public bool AnnouncesNewAlert => Kind is AlertEventKind.Created or AlertEventKind.SpikeDetected or AlertEventKind.PromiseBroken;

    /// <summary>The announcing event of a stored alert, rebuilt by the recovery from the alert alone.</summary>
    public static AlertEvent Announcing(Alert alert, DateTimeOffset at) => alert.Kind switch
    {
        AlertKind.Spike => new AlertEvent(AlertEventKind.SpikeDetected, alert, at, "recovery", alert.Title),
        AlertKind.BrokenPromise => new AlertEvent(AlertEventKind.PromiseBroken, alert, at, "recovery", alert.Title),
        _ => new AlertEvent(AlertEventKind.Created, alert, at, "recovery"),
    };
}

/// <summary>Publishes alert events; never blocks the caller (ingest and agents' actions call it inline).</summary>
public interface IAlertNotifier
{
    void Publish(AlertEvent alertEvent);
}

/// <summary>One delivery channel (dashboard stream, webhooks, e-mail) fed by the notification worker.</summary>
public interface IAlertEventSink
{
    Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken);
}

/// <summary>Live feed of alert events for the dashboard: each subscriber gets every event published after it subscribed.</summary>
public interface IAlertEventStream
{
    IAsyncEnumerable<AlertEvent> Subscribe(CancellationToken cancellationToken);
}
