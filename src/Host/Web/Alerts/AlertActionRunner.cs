using System.Security.Claims;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Web.Alerts;

public enum AlertAction
{
    Claim,
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
    IServiceProvider services,
    IAlertStore alerts,
    TeamScope scope,
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

        var command = new AlertCommand(alertId, request.Version, actor, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        try
        {
            var updated = await ExecuteAsync(action, command, request, cancellationToken);
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
        catch (ArgumentException e)
        {
            return Fail(StatusCodes.Status400BadRequest, e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private async Task<Alert> ExecuteAsync(AlertAction action, AlertCommand command, AlertActionRequest request, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case AlertAction.Claim:
                return await services.GetRequiredService<ClaimAlert>().ExecuteAsync(command, cancellationToken);
            case AlertAction.Acknowledge:
                return await services.GetRequiredService<AcknowledgeAlert>().ExecuteAsync(command, cancellationToken);
            case AlertAction.Respond:
                return await services.GetRequiredService<RespondToAlert>().ExecuteAsync(command, cancellationToken);
            case AlertAction.Resolve:
                return await services.GetRequiredService<ResolveAlert>().ExecuteAsync(command, cancellationToken);
            case AlertAction.Dismiss:
                if (request.Reason is not { } reason)
                {
                    throw new ArgumentException("Choose why the alert is dismissed.");
                }

                return await services.GetRequiredService<DismissAlert>().ExecuteAsync(new DismissCommand(command, reason, request.CorrectSentiment), cancellationToken);
            case AlertAction.Promise:
                if (request.PromiseDueAt is not { } due)
                {
                    throw new ArgumentException("Say by when the promise is due.");
                }

                await services.GetRequiredService<RecordPromise>().ExecuteAsync(new RecordPromiseCommand(command, request.PromiseText ?? "", due), cancellationToken);
                return (await alerts.GetAsync(command.AlertId, cancellationToken))!;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static AlertActionOutcome Fail(int status, string message) => new(null, status, message);
}
