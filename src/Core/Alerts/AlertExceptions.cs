namespace SocialWatch.Core.Alerts;

/// <summary>Someone else changed the alert since it was read; reload and try again.</summary>
public sealed class ConcurrencyConflictException(long alertId, int expectedVersion)
    : Exception($"Alert {alertId} was changed by someone else (expected version {expectedVersion}); reload it and try again.")
{
    public long AlertId { get; } = alertId;
    public int ExpectedVersion { get; } = expectedVersion;
}

/// <summary>The requested state change is not allowed from the alert's current state.</summary>
public sealed class InvalidAlertTransitionException(long alertId, AlertState from, AlertState to)
    : Exception($"Alert {alertId} cannot go from {from} to {to}.")
{
    public long AlertId { get; } = alertId;
    public AlertState From { get; } = from;
    public AlertState To { get; } = to;
}

/// <summary>The mention already has its alert (raised by another host or an earlier refresh); one mention raises one.</summary>
public sealed class AlertExistsException(long mentionId)
    : Exception($"Mention {mentionId} already has an alert.")
{
    public long MentionId { get; } = mentionId;
}
