using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web.Alerts;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Web.Api;

/// <summary><c>GET /api/alerts</c>, <c>GET /api/alerts/{id}</c> and the actions under <c>/api/alerts/{id}/…</c>.</summary>
internal static class AlertApi
{
    public const int MaxLimit = 500;

    public static void MapAlertApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts");

        group.MapGet("/", async (
                HttpContext context,
                IInsightsStore insights,
                TeamScope scope,
                string? brand,
                string? source,
                EscalationLevel? level,
                AlertState? state,
                int? limit,
                string? cursor,
                TimeProvider time,
                CancellationToken cancellationToken) =>
            {
                if (limit is < 1 or > MaxLimit)
                {
                    return Results.Problem($"limit must be between 1 and {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);
                }

                var teams = await scope.ForAsync(context.User, cancellationToken);
                if (cursor is null)
                {
                    var items = await insights.GetQueueAsync(
                        new QueueFilter { Teams = teams.Teams, Brand = brand, Source = source, Level = level, State = state, Limit = limit ?? 100 },
                        cancellationToken);
                    return Results.Ok(items.Select(AlertDto.From));
                }

                // Paged: the queue's own keyset over (priority, first-response due, id), so a page never repeats or
                // skips an alert however the queue changes in between. The body stays the array; the next page's cursor
                // travels in X-Next-Cursor and a Link header.
                var page = await insights.GetQueuePageAsync(
                    new QueuePageQuery
                    {
                        Scope = new QueueScope { Teams = teams.Teams },
                        View = QueueView.AllOpen,
                        Sort = QueueSort.Due,
                        Brand = brand,
                        Source = source,
                        Level = level,
                        State = state,
                        Now = time.GetUtcNow(),
                        Limit = limit ?? 100,
                        After = cursor.Length == 0 ? null : cursor,
                    },
                    cancellationToken);
                if (page.TokenIgnored)
                {
                    return Results.Problem("cursor is not one this API gave out; start again with cursor= (empty).", statusCode: StatusCodes.Status400BadRequest);
                }

                if (page.Next is { } next)
                {
                    context.Response.Headers["X-Next-Cursor"] = next;
                    var query = System.Web.HttpUtility.ParseQueryString(context.Request.QueryString.Value ?? "");
                    query["cursor"] = next;
                    context.Response.Headers.Link = $"<{context.Request.Path}?{query}>; rel=\"next\"";
                }

                return Results.Ok(page.Items.Select(AlertDto.From));
            })
            .RequireAuthorization(SocialWatchPolicies.Reader)
            .WithName("ListAlerts")
            .WithSummary("List the alert queue")
            .WithDescription(
                "The alerts of the caller's teams in queue order (most urgent first), filtered by brand, source, escalation level "
                + $"and state; at most limit (1..{MaxLimit}, default 100). Agents see their own teams; managers, PR and API keys every team. "
                + "Paging: send cursor= (empty) for the first page; while more follow, the response carries the next page's cursor in "
                + "X-Next-Cursor and a Link header (rel=next). Pages follow the queue's keyset (priority, first-response due, id), "
                + "so none repeats or skips an alert. A cursor this API did not give out answers 400.")
            .Produces<AlertDto[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new Observability.ApiExample(null, new[] { ApiExamples.Alert }));

        group.MapGet("/{id:long}", async (long id, HttpContext context, IAlertStore alerts, TeamScope scope, CancellationToken cancellationToken) =>
            {
                var alert = await alerts.GetAsync(id, cancellationToken);
                if (alert is null || !TeamScope.Covers(await scope.ForAsync(context.User, cancellationToken), alert))
                {
                    return Results.Problem($"Alert {id} does not exist in your teams.", statusCode: StatusCodes.Status404NotFound);
                }

                var audit = await alerts.GetAuditAsync(id, cancellationToken);
                return Results.Ok(new AlertDetailDto(AlertDto.From(new QueueItem(alert, null)), audit));
            })
            .RequireAuthorization(SocialWatchPolicies.Reader)
            .WithName("GetAlert")
            .WithSummary("Get one alert with its audit trail")
            .WithDescription("The alert and every change made to it, oldest first. 404 when it does not exist or is outside the caller's teams.")
            .Produces<AlertDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var actions = group.MapGroup("/{id:long}")
            .RequireAuthorization(SocialWatchPolicies.AlertWriter)
            .AddEndpointFilter<AntiforgeryCheck>()
            .DisableAntiforgery();
        Describe(actions.MapPost("/claim", Run(AlertAction.Claim)), AlertAction.Claim, "Claim an alert", "Assigns the alert to the caller (a person, or apikey:<name> for a key) and starts work on it.");
        Describe(actions.MapPost("/assign", Run(AlertAction.Assign)), AlertAction.Assign, "Assign an alert", "Assigns the alert to an active member of its team (assignee is required); an agent may assign alerts nobody holds or that they hold, a manager any alert.");
        Describe(actions.MapPost("/unclaim", Run(AlertAction.Unclaim)), AlertAction.Unclaim, "Unclaim an alert", "Returns the alert to the team's unassigned queue.");
        Describe(actions.MapPost("/acknowledge", Run(AlertAction.Acknowledge)), AlertAction.Acknowledge, "Acknowledge an alert", "Marks the alert as seen by the caller.");
        Describe(actions.MapPost("/respond", Run(AlertAction.Respond)), AlertAction.Respond, "Record the first response", "Records that the author was answered; stops the first-response SLA clock.");
        Describe(actions.MapPost("/promises", Run(AlertAction.Promise)), AlertAction.Promise, "Record a promise", "Records a promise made to the author (text and dueAt are required); it is tracked until kept.");
        Describe(actions.MapPost("/resolve", Run(AlertAction.Resolve)), AlertAction.Resolve, "Resolve an alert", "Closes the alert as handled.");
        Describe(actions.MapPost("/dismiss", Run(AlertAction.Dismiss)), AlertAction.Dismiss, "Dismiss an alert", "Closes the alert as not needing action; reason is required, correctSentiment optionally teaches the model.");
    }

    private static void Describe(RouteHandlerBuilder endpoint, AlertAction action, string summary, string description) =>
        endpoint
            .WithName(action + "Alert")
            .WithSummary(summary)
            .WithDescription(
                description + " Send the alert's current version: a stale one answers 409, and so does an action the alert's state does not allow. "
                + "Audited with the caller as the actor. Cookie callers send the anti-forgery token header.")
            .Produces<AlertDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new Observability.ApiExample(new AlertActionBody(3, "Called the customer back", null, null, null, null), ApiExamples.Alert with { State = "Resolved", Version = 4 }));

    private static Func<long, AlertActionBody, HttpContext, AlertActionRunner, CancellationToken, Task<IResult>> Run(AlertAction action) =>
        async (id, body, context, runner, cancellationToken) =>
        {
            var outcome = await runner.RunAsync(id, action, body.ToRequest(), context.User, cancellationToken);
            return outcome.Succeeded
                ? Results.Ok(AlertDto.From(new QueueItem(outcome.Alert!, null)))
                : Results.Problem(outcome.Error, statusCode: outcome.Status);
        };

    /// <summary>JSON body of an alert action.</summary>
    internal sealed record AlertActionBody(
        int Version,
        string? Note,
        DismissReason? Reason,
        SentimentLabel? CorrectSentiment,
        string? Text,
        DateTimeOffset? DueAt,
        string? Assignee = null)
    {
        public AlertActionRequest ToRequest() => new()
        {
            Version = Version,
            Note = Note,
            Reason = Reason,
            CorrectSentiment = CorrectSentiment,
            PromiseText = Text,
            PromiseDueAt = DueAt,
            Assignee = Assignee,
        };
    }
}

/// <summary>One alert and its audit trail, oldest first.</summary>
internal sealed record AlertDetailDto(AlertDto Alert, IReadOnlyList<AuditEntry> Audit);

/// <summary>An alert as the API returns it. Text fields are untrusted: clients must encode them.</summary>
internal sealed record AlertDto(
    long Id,
    string Kind,
    string Brand,
    string Team,
    string Priority,
    string State,
    string Title,
    IReadOnlyList<ReasonDto> Reasons,
    string? AssignedTo,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? ResolveDueAt,
    string? DismissReason,
    int Version,
    QueueMention? Mention)
{
    public static AlertDto From(QueueItem item)
    {
        var a = item.Alert;
        return new AlertDto(a.Id, a.Kind.ToString(), a.Brand, a.Team, a.Priority.ToString(), a.State.ToString(), a.Title, [.. a.Reasons.Select(ReasonDto.From)],
            a.AssignedTo, a.CreatedAt, a.FirstResponseDueAt, a.ResolveDueAt, a.DismissReason, a.Version, item.Mention);
    }
}

/// <summary>
/// One reason as the API returns it: the stable code to count or filter by, the text a person reads (untrusted when it
/// names a rule or source: encode it), and the strength 0..1.
/// </summary>
internal sealed record ReasonDto(string Code, string Text, float Strength)
{
    public static ReasonDto From(Reason reason) => new(reason.Code, reason.Text, reason.Strength);
}
