namespace SocialWatch.Alerts.Workflow;

public sealed class AlertNotFoundException(long alertId) : Exception($"Alert {alertId} does not exist.")
{
    public long AlertId { get; } = alertId;
}

/// <summary>Another agent holds the alert; only they (or a lead reassigning it) may work it.</summary>
public sealed class AlertAlreadyClaimedException(long alertId, string assignee)
    : Exception($"Alert {alertId} is already claimed by {assignee}.")
{
    public long AlertId { get; } = alertId;
    public string Assignee { get; } = assignee;
}

/// <summary>The alert is resolved or dismissed; nothing more can be done on it.</summary>
public sealed class AlertClosedException(long alertId) : Exception($"Alert {alertId} is closed.")
{
    public long AlertId { get; } = alertId;
}
