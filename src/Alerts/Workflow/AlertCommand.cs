namespace SocialWatch.Alerts.Workflow;

/// <summary>
/// An agent's action on an alert. <see cref="ExpectedVersion"/> is the version the agent saw: if anyone changed the
/// alert since, the action is refused with a <see cref="Core.Alerts.ConcurrencyConflictException"/>.
/// </summary>
public sealed record AlertCommand(long AlertId, int ExpectedVersion, string Actor, string? Note = null);
