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

/// <summary>What in an agent's action makes it impossible to carry out, whatever state the alert is in.</summary>
public enum AlertCommandProblem
{
    /// <summary>A promise's text is empty or longer than <see cref="Promises.RecordPromise.MaxTextLength"/>.</summary>
    PromiseTextLength,

    /// <summary>A promise is due now or earlier.</summary>
    PromiseDueInThePast,

    /// <summary>A wrong-sentiment dismissal does not say what the sentiment really is.</summary>
    CorrectSentimentMissing,

    /// <summary>The alert is to be assigned to someone who is not an active member of its team.</summary>
    AssigneeNotInTeam,

    /// <summary>The alert to unclaim is not assigned to anyone.</summary>
    NotAssigned,
}

/// <summary>
/// The action is refused for what the agent entered, not for the alert's state: the agent can correct it and send it
/// again. <see cref="Problem"/> says what to correct, so callers word it without reading the message.
/// </summary>
public sealed class InvalidAlertCommandException(long alertId, AlertCommandProblem problem, string message) : Exception(message)
{
    public long AlertId { get; } = alertId;
    public AlertCommandProblem Problem { get; } = problem;
}
