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
        var group = app.MapGroup("/api/alerts");

        group.MapGet("/", async (
                HttpContext context,
                IInsightsStore insights,
                TeamScope scope,
                string? brand,
                string? source,
                EscalationLevel? level,
                AlertState? state,
                int? limit,
                CancellationToken cancellationToken) =>
            {
                if (limit is < 1 or > MaxLimit)
                {
                    return Results.Problem($"limit must be between 1 and {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);
                }

                var teams = await scope.ForAsync(context.User, cancellationToken);
                var items = await insights.GetQueueAsync(
                    new QueueFilter { Teams = teams.Teams, Brand = brand, Source = source, Level = level, State = state, Limit = limit ?? 100 },
                    cancellationToken);
                return Results.Ok(items.Select(AlertDto.From));
            })
            .RequireAuthorization(SocialWatchPolicies.Reader);

        group.MapGet("/{id:long}", async (long id, HttpContext context, IAlertStore alerts, TeamScope scope, CancellationToken cancellationToken) =>
            {
                var alert = await alerts.GetAsync(id, cancellationToken);
                if (alert is null || !TeamScope.Covers(await scope.ForAsync(context.User, cancellationToken), alert))
                {
                    return Results.Problem($"Alert {id} does not exist in your teams.", statusCode: StatusCodes.Status404NotFound);
                }

                var audit = await alerts.GetAuditAsync(id, cancellationToken);
                return Results.Ok(new { alert = AlertDto.From(new QueueItem(alert, null)), audit });
            })
            .RequireAuthorization(SocialWatchPolicies.Reader);

        var actions = group.MapGroup("/{id:long}")
            .RequireAuthorization(SocialWatchPolicies.Agent)
            .AddEndpointFilter<AntiforgeryCheck>()
            .DisableAntiforgery();
        actions.MapPost("/claim", Run(AlertAction.Claim));
        actions.MapPost("/assign", Run(AlertAction.Assign));
        actions.MapPost("/unclaim", Run(AlertAction.Unclaim));
        actions.MapPost("/acknowledge", Run(AlertAction.Acknowledge));
        actions.MapPost("/respond", Run(AlertAction.Respond));
        actions.MapPost("/promises", Run(AlertAction.Promise));
        actions.MapPost("/resolve", Run(AlertAction.Resolve));
        actions.MapPost("/dismiss", Run(AlertAction.Dismiss));
    }

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
