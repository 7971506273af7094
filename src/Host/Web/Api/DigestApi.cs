using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Digests;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Web.Api;

/// <summary>
/// Digest subscriptions by API (the admin page manages the same records):
/// <c>GET|POST /api/digests/subscriptions</c>, <c>PUT|DELETE /api/digests/subscriptions/{id}</c>,
/// <c>GET /api/digests/subscriptions/{id}/preview</c> and <c>…/runs</c>.
/// </summary>
internal static class DigestApi
{
    public static void MapDigestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/digests/subscriptions")
            .RequireAuthorization(SocialWatchPolicies.Admin)
            .WithTags("Digests")
            .DisableAntiforgery();

        // Changes made with the sign-in cookie must carry the anti-forgery header; reads need none.
        var changes = group.MapGroup("").AddEndpointFilter<AntiforgeryCheck>();

        group.MapGet("/", async (ListDigestSubscriptions list, CancellationToken cancellationToken) =>
            Results.Ok(await list.HandleAsync(cancellationToken)))
            .WithName("ListDigestSubscriptions")
            .WithSummary("List digest subscriptions")
            .WithDescription("Every digest subscription: who gets which brands' digest, when and how.")
            .Produces<IReadOnlyList<DigestSubscriptionView>>();

        changes.MapPost("/", async (DigestSubscriptionRequest body, CreateDigestSubscription create, CancellationToken cancellationToken) =>
        {
            try
            {
                var created = await create.HandleAsync(body, cancellationToken);
                return Results.Created($"/api/digests/subscriptions/{created.Id}", created);
            }
            catch (DigestValidationException ex)
            {
                return Invalid(ex);
            }
        })
            .WithName("CreateDigestSubscription")
            .WithSummary("Create a digest subscription")
            .WithDescription(Changes("Validates the schedule, recipients and brands; 400 lists each invalid field."))
            .Produces<DigestSubscription>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        changes.MapPut("/{id:long}", async (long id, DigestSubscriptionRequest body, UpdateDigestSubscription update, CancellationToken cancellationToken) =>
        {
            try
            {
                var updated = await update.HandleAsync(id, body, cancellationToken);
                return updated is null ? NotFound(id) : Results.Ok(updated);
            }
            catch (DigestValidationException ex)
            {
                return Invalid(ex);
            }
        })
            .WithName("UpdateDigestSubscription")
            .WithSummary("Replace a digest subscription")
            .WithDescription(Changes("Replaces the whole subscription; 400 lists each invalid field, 404 when it does not exist."))
            .Produces<DigestSubscription>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        changes.MapDelete("/{id:long}", async (long id, DeleteDigestSubscription delete, CancellationToken cancellationToken) =>
            await delete.HandleAsync(id, cancellationToken) ? Results.NoContent() : NotFound(id))
            .WithName("DeleteDigestSubscription")
            .WithSummary("Delete a digest subscription")
            .WithDescription(Changes("Stops the digest; its past runs are kept."))
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}/preview", async (long id, PreviewDigest preview, CancellationToken cancellationToken) =>
            await preview.HandleAsync(id, cancellationToken) is { } result
                ? Results.Ok(new DigestPreview(result.SubscriptionId, result.Period, result.SendAt, result.Subject, result.Text, result.Html, result.IsQuiet))
                : NotFound(id))
            .WithName("PreviewDigest")
            .WithSummary("Preview a digest")
            .WithDescription("Renders the digest the subscription would send for its current period, without sending it.")
            .Produces<DigestPreview>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}/runs", async (long id, int? limit, ListDigestRuns runs, CancellationToken cancellationToken) =>
            Results.Ok(await runs.HandleAsync(id, limit ?? 20, cancellationToken)))
            .WithName("ListDigestRuns")
            .WithSummary("List a subscription's digest runs")
            .WithDescription("The latest runs of the subscription (limit, default 20), newest first, with what each sent.")
            .Produces<IReadOnlyList<DigestRun>>();
    }

    private static string Changes(string description) => description + " Cookie callers send the anti-forgery token header.";

    /// <summary>A rendered digest that was not sent.</summary>
    internal sealed record DigestPreview(long SubscriptionId, DigestPeriod Period, DateTimeOffset SendAt, string Subject, string Text, string Html, bool IsQuiet);

    private static IResult Invalid(DigestValidationException ex) =>
        Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The digest subscription is not valid.");

    private static IResult NotFound(long id) =>
        Results.Problem($"Digest subscription {id} does not exist.", statusCode: StatusCodes.Status404NotFound);
}
