using System.Security.Claims;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Web.Alerts;

public enum AlertAction
{
    Claim,
    Assign,
    Unclaim,
    Acknowledge,
    Respond,
    Promise,
    Resolve,
    Dismiss,
}

/// <summary>An agent's action as it arrives from a form or the JSON API.</summary>
public sealed record AlertActionRequest
{
    /// <summary>The alert version the agent saw; a newer version means someone else acted first.</summary>
    public int Version { get; init; }

    public string? Note { get; init; }
    public DismissReason? Reason { get; init; }
    public SentimentLabel? CorrectSentiment { get; init; }
    public string? PromiseText { get; init; }
    public DateTimeOffset? PromiseDueAt { get; init; }

    /// <summary>Who an alert is assigned to: a member of its team.</summary>
    public string? Assignee { get; init; }
}

/// <summary>What came of an action: the alert after it, or a message for the person and an HTTP status.</summary>
public sealed record AlertActionOutcome(Alert? Alert, int Status, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs an agent's action through the workflow's use cases (the state machine lives there) after checking that
/// the alert is in one of the agent's teams, and turns the workflow's refusals into messages a person can act on.
/// </summary>
public sealed class AlertActionRunner(
    IAlertStore alerts,
    TeamScope scope,
    ClaimAlert claim,
    AssignAlert assign,
    UnclaimAlert unclaim,
    AcknowledgeAlert acknowledge,
    RespondToAlert respond,
    ResolveAlert resolve,
    DismissAlert dismiss,
    RecordPromise recordPromise,
    ILogger<AlertActionRunner> logger)
{
    public const int MaxNoteLength = 2000;

    public async Task<AlertActionOutcome> RunAsync(long alertId, AlertAction action, AlertActionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = user.Identity?.Name ?? throw new InvalidOperationException("The action needs a signed-in user.");
        if (request.Note is { Length: > MaxNoteLength })
        {
            return Fail(StatusCodes.Status400BadRequest, $"The note is longer than {MaxNoteLength} characters.");
        }

        var alert = await alerts.GetAsync(alertId, cancellationToken);
        if (alert is null)
        {
            return Fail(StatusCodes.Status404NotFound, $"Alert {alertId} does not exist.");
        }

        if (!TeamScope.Covers(await scope.ForAsync(user, cancellationToken), alert))
        {
            return Fail(StatusCodes.Status403Forbidden, $"Alert {alertId} belongs to team {alert.Team}, which you are not in.");
        }

        if (MissingInput(action, request) is { } missing)
        {
            return Fail(StatusCodes.Status400BadRequest, missing);
        }

        var command = new AlertCommand(alertId, request.Version, actor, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        try
        {
            // A manager leads the teams and may move an alert another agent holds; an agent may not.
            var updated = await ExecuteAsync(action, command, request, user.IsInRole(SocialWatchRoles.Manager), cancellationToken);
            WebLog.AlertAction(logger, actor, action.ToString(), alertId);
            return new AlertActionOutcome(updated, StatusCodes.Status200OK, null);
        }
        catch (ConcurrencyConflictException)
        {
            return Fail(StatusCodes.Status409Conflict, "Someone else changed this alert since you loaded it; it has been reloaded, check it and try again.");
        }
        catch (AlertAlreadyClaimedException e)
        {
            return Fail(StatusCodes.Status409Conflict, $"{e.Assignee} already works on this alert.");
        }
        catch (AlertClosedException)
        {
            return Fail(StatusCodes.Status409Conflict, "This alert is already closed.");
        }
        catch (InvalidAlertTransitionException e)
        {
            return Fail(StatusCodes.Status409Conflict, $"The alert is {e.From} and cannot become {e.To}.");
        }
        catch (AlertNotFoundException)
        {
            return Fail(StatusCodes.Status404NotFound, $"Alert {alertId} does not exist.");
        }
        catch (InvalidAlertCommandException e)
        {
            return Fail(StatusCodes.Status400BadRequest, Describe(e.Problem));
        }
    }

    /// <summary>What the form or body must carry for the action, before the workflow sees it.</summary>
    private static string? MissingInput(AlertAction action, AlertActionRequest request) => action switch
    {
        AlertAction.Dismiss when request.Reason is null => "Choose why the alert is dismissed.",
        AlertAction.Promise when request.PromiseDueAt is null => "Say by when the promise is due.",
        AlertAction.Assign when string.IsNullOrWhiteSpace(request.Assignee) => "Choose whom to assign the alert to.",
        _ => null,
    };

    private static string Describe(AlertCommandProblem problem) => problem switch
    {
        AlertCommandProblem.PromiseTextLength => $"A promise needs a text of 1 to {RecordPromise.MaxTextLength} characters.",
        AlertCommandProblem.PromiseDueInThePast => "A promise must be due in the future.",
        AlertCommandProblem.CorrectSentimentMissing => "A wrong-sentiment dismissal needs the correct sentiment.",
        AlertCommandProblem.AssigneeNotInTeam => "That person is not an active member of the alert's team.",
        AlertCommandProblem.NotAssigned => "The alert is not assigned to anyone.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    private async Task<Alert> ExecuteAsync(AlertAction action, AlertCommand command, AlertActionRequest request, bool mayTakeOver, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case AlertAction.Claim:
                return await claim.ExecuteAsync(command, cancellationToken);
            case AlertAction.Assign:
                var assignee = request.Assignee?.Trim() ?? throw new InvalidOperationException("MissingInput checks the assignee.");
                return await assign.ExecuteAsync(new AssignCommand(command, assignee, mayTakeOver), cancellationToken);
            case AlertAction.Unclaim:
                return await unclaim.ExecuteAsync(new UnclaimCommand(command, mayTakeOver), cancellationToken);
            case AlertAction.Acknowledge:
                return await acknowledge.ExecuteAsync(command, cancellationToken);
            case AlertAction.Respond:
                return await respond.ExecuteAsync(command, cancellationToken);
            case AlertAction.Resolve:
                return await resolve.ExecuteAsync(command, cancellationToken);
            case AlertAction.Dismiss:
                var reason = request.Reason ?? throw new InvalidOperationException("MissingInput checks the reason.");
                return await dismiss.ExecuteAsync(new DismissCommand(command, reason, request.CorrectSentiment), cancellationToken);
            case AlertAction.Promise:
                var due = request.PromiseDueAt ?? throw new InvalidOperationException("MissingInput checks the due time.");
                await recordPromise.ExecuteAsync(new RecordPromiseCommand(command, request.PromiseText ?? "", due), cancellationToken);
                return (await alerts.GetAsync(command.AlertId, cancellationToken))!;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static AlertActionOutcome Fail(int status, string message) => new(null, status, message);
}
