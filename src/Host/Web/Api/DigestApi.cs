using SocialWatch.Alerts.Digests;
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
            .DisableAntiforgery();

        // Changes made with the sign-in cookie must carry the anti-forgery header; reads need none.
        var changes = group.MapGroup("").AddEndpointFilter<AntiforgeryCheck>();

        group.MapGet("/", async (ListDigestSubscriptions list, CancellationToken cancellationToken) =>
            Results.Ok(await list.HandleAsync(cancellationToken)));

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
        });

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
        });

        changes.MapDelete("/{id:long}", async (long id, DeleteDigestSubscription delete, CancellationToken cancellationToken) =>
            await delete.HandleAsync(id, cancellationToken) ? Results.NoContent() : NotFound(id));

        group.MapGet("/{id:long}/preview", async (long id, PreviewDigest preview, CancellationToken cancellationToken) =>
            await preview.HandleAsync(id, cancellationToken) is { } result
                ? Results.Ok(new { result.SubscriptionId, result.Period, result.SendAt, result.Subject, result.Text, result.Html, result.IsQuiet })
                : NotFound(id));

        group.MapGet("/{id:long}/runs", async (long id, int? limit, ListDigestRuns runs, CancellationToken cancellationToken) =>
            Results.Ok(await runs.HandleAsync(id, limit ?? 20, cancellationToken)));
    }

    private static IResult Invalid(DigestValidationException ex) =>
        Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The digest subscription is not valid.");

    private static IResult NotFound(long id) =>
        Results.Problem($"Digest subscription {id} does not exist.", statusCode: StatusCodes.Status404NotFound);
}
