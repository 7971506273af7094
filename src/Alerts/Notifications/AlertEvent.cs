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
public sealed record AlertEvent(AlertEventKind Kind, Alert Alert, DateTimeOffset At, string? Actor = null, string? Detail = null);

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
