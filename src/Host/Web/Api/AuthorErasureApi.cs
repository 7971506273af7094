using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Retention;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Web.Api;

/// <summary>
/// <c>POST /api/authors/erase</c> with <c>{source, author, reason?, dryRun?}</c>: admins only. Erases one author's data
/// (the use case the admin page and the <c>erase</c> verb run), or with <c>dryRun</c> only counts it.
/// 200 with the counts per kind; 400 bad input; 404 nothing stored; 409 a handle of several authors (their ids given).
/// </summary>
internal static class AuthorErasureApi
{
    public static void MapAuthorErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/authors/erase", async (EraseBody body, HttpContext context, EraseAuthorData erase, CancellationToken cancellationToken) =>
            {
                if (EraseAuthorData.Problem(body.Source, body.Author, body.Reason) is { } problem)
                {
                    return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
                }

                var source = body.Source!.Trim().ToLowerInvariant();
                var result = body.DryRun
                    ? await erase.PreviewAsync(source, body.Author!, cancellationToken)
                    : await erase.ExecuteAsync(new EraseAuthorCommand(source, body.Author!, context.User.Identity!.Name!, body.Reason), cancellationToken);
                return result.Outcome switch
                {
                    AuthorErasureOutcome.NothingStored => Results.Problem($"Nothing is stored for '{body.Author!.Trim()}' on {source}.", statusCode: StatusCodes.Status404NotFound),
                    AuthorErasureOutcome.Ambiguous => Results.Problem(
                        $"'{body.Author!.Trim()}' is the handle of {result.AuthorIds.Count} authors on {source}; name one by its id.",
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["authorIds"] = result.AuthorIds }),
                    _ => Results.Ok(new EraseResponse(source, result.AuthorIds[0], Erased: !body.DryRun, result.Counts)),
                };
            })
            .RequireAuthorization(SocialWatchPolicies.Admin)
            .WithTags("Privacy")
            .WithName("EraseAuthor")
            .WithSummary("Erase an author's data")
            .WithDescription(
                "Erases everything stored about one author of a source (by id or handle): mentions of every brand, snapshots, "
                + "watch list, author index, alert notes, promises, labels and unsent notifications; audited without the author. "
                + "dryRun only counts. 404 when nothing is stored; 409 when the handle names several authors (their ids are given). "
                + "Cookie callers send the anti-forgery token header.")
            .Produces<EraseResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AddEndpointFilter<AntiforgeryCheck>()
            .DisableAntiforgery();
    }

    internal sealed record EraseBody(string? Source, string? Author, string? Reason, bool DryRun);

    internal sealed record EraseResponse(string Source, string AuthorId, bool Erased, AuthorDataCounts Counts);
}
