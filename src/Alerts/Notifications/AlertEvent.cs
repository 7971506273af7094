using System.Globalization;
using SocialWatch.Alerts.Sla;
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
    private readonly string? _key;

    /// <summary>
    /// The key under which this event's webhooks and e-mails are recorded once per alert (see <see cref="AnnouncementKeys"/>),
    /// or null for an event that sends none (a change of state, an assignment). An event that raises an alert is keyed
    /// <see cref="AnnouncementKeys.Raised"/> without being told.
    /// </summary>
    public string? Key
    {
        get => _key ?? (Kind is AlertEventKind.Created or AlertEventKind.SpikeDetected or AlertEventKind.PromiseBroken ? AnnouncementKeys.Raised : null);
        init => _key = value;
    }

    /// <summary>Its outbox rows were written before it was published (the SLA sweep announces in line): outbox sinks skip it.</summary>
    public bool OutboxWritten { get; init; }

    /// <summary>The announcing event of a stored alert, rebuilt by the recovery from the alert alone.</summary>
    public static AlertEvent Announcing(Alert alert, DateTimeOffset at) => alert.Kind switch
    {
        AlertKind.Spike => new AlertEvent(AlertEventKind.SpikeDetected, alert, at, "recovery", alert.Title),
        AlertKind.BrokenPromise => new AlertEvent(AlertEventKind.PromiseBroken, alert, at, "recovery", alert.Title),
        _ => new AlertEvent(AlertEventKind.Created, alert, at, "recovery"),
    };

    /// <summary>The case came back because its author complained again in mention <paramref name="mentionId"/>.</summary>
    public static AlertEvent Reopening(Alert alert, long mentionId, DateTimeOffset at, string actor) =>
        new(AlertEventKind.Reopened, alert, at, actor, $"mention #{mentionId.ToString(CultureInfo.InvariantCulture)}") { Key = AnnouncementKeys.Reopened(mentionId) };
}

/// <summary>The keys of <c>announced_events</c>: one per alert event that sends webhooks or e-mail, so it is sent once.</summary>
public static class AnnouncementKeys
{
    /// <summary>The alert was raised (new alert, spike, broken promise).</summary>
    public const string Raised = "raised";

    /// <summary>A re-complaint in this mention reopened the case.</summary>
    public static string Reopened(long mentionId) => "reopened:" + mentionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The start of every SLA notice's key.</summary>
    public const string SlaPrefix = "sla:";

    /// <summary>An SLA warning or breach of one deadline at one due time; a deadline that moves is announced again.</summary>
    public static string Sla(SlaDeadlineKind deadline, SlaNoticeLevel level, DateTimeOffset dueAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{SlaPrefix}{deadline}:{level}:{dueAt.ToUnixTimeMilliseconds()}");
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
