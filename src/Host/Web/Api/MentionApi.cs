using System.Security.Claims;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Web.Api;

/// <summary>
/// <c>GET /api/mentions</c>: stored mentions, newest first, keyset-paged. An agent sees the mentions behind the
/// alerts of their own teams (as in the queue); managers, PR and integration keys see every mention.
/// </summary>
internal static class MentionApi
{
    public const int MaxLimit = 500;

    public static void MapMentionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/mentions", async (
                IMentionStore mentions,
                TeamScope scope,
                ClaimsPrincipal user,
                string? brand,
                string? source,
                string? authorId,
                DateTimeOffset? since,
                DateTimeOffset? until,
                long? beforeId,
                int? limit,
                CancellationToken cancellationToken) =>
            {
                if (limit is < 1 or > MaxLimit)
                {
                    return Results.Problem($"limit must be between 1 and {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);
                }

                if (since is not null && until is not null && since > until)
                {
                    return Results.Problem("since must not be after until.", statusCode: StatusCodes.Status400BadRequest);
                }

                var teams = (await scope.ForAsync(user, cancellationToken)).Teams;
                var page = await mentions.GetMentionsAsync(
                    new MentionQuery { Brand = brand, Source = source, AuthorId = authorId, Since = since, Until = until, BeforeId = beforeId, Limit = limit ?? 100, Teams = teams },
                    cancellationToken);
                return Results.Ok(new
                {
                    items = page,
                    nextBeforeId = page.Count == (limit ?? 100) ? page[^1].Id : (long?)null,
                });
            })
            .RequireAuthorization(SocialWatchPolicies.Reader);
    }
}
