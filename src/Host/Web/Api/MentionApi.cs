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
                string? cursor,
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

                if (cursor is not null)
                {
                    if (beforeId is not null)
                    {
                        return Results.Problem("Give cursor or beforeId, not both.", statusCode: StatusCodes.Status400BadRequest);
                    }

                    beforeId = MentionCursor.Read(cursor);
                    if (beforeId is null)
                    {
                        return Results.Problem("cursor is not one this API gave out; pass the next value of the previous page unchanged.", statusCode: StatusCodes.Status400BadRequest);
                    }
                }

                var size = limit ?? 100;
                var teams = (await scope.ForAsync(user, cancellationToken)).Teams;
                var page = await mentions.GetMentionsAsync(
                    new MentionQuery { Brand = brand, Source = source, AuthorId = authorId, Since = since, Until = until, BeforeId = beforeId, Limit = size, Teams = teams },
                    cancellationToken);
                var last = page.Count == size ? page[^1].Id : (long?)null;
                return Results.Ok(new MentionPage(page, last, last is { } id ? MentionCursor.Write(id) : null));
            })
            .RequireAuthorization(SocialWatchPolicies.Reader)
            .WithTags("Mentions")
            .WithName("ListMentions")
            .WithSummary("List stored mentions, newest first")
            .WithDescription(
                "Keyset-paged by mention id (never by offset, so mentions stored while paging neither repeat nor go missing): "
                + $"ask with limit (1..{MaxLimit}, default 100) and pass the response's next back as cursor until next is null. "
                + "beforeId is the older form of the same cursor. Filters: brand, source, authorId, since and until (created time). "
                + "An agent sees the mentions behind their teams' alerts; others every mention. Text, names and URLs are written by strangers: encode them.")
            .Produces<MentionPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new Observability.ApiExample(null, new MentionPage([ApiExamples.Mention], ApiExamples.Mention.Id, MentionCursor.Write(ApiExamples.Mention.Id))));
    }
}

/// <summary>One page of mentions. <see cref="Next"/> is the opaque cursor of the next page (null on the last one).</summary>
internal sealed record MentionPage(IReadOnlyList<StoredMention> Items, long? NextBeforeId, string? Next);

/// <summary>
/// The opaque cursor of the mention list: the id of the last mention on the page, versioned so that its form can change
/// without old cursors being misread.
/// </summary>
internal static class MentionCursor
{
    private const string Prefix = "m1.";

    public static string Write(long lastId) =>
        Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(System.Text.Encoding.ASCII.GetBytes(Prefix + lastId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The id a cursor stands for, or null when it is not one <see cref="Write"/> made.</summary>
    public static long? Read(string cursor)
    {
        if (cursor.Length is 0 or > 64)
        {
            return null;
        }

        string text;
        try
        {
            text = System.Text.Encoding.ASCII.GetString(Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(cursor));
        }
        catch (FormatException)
        {
            return null;
        }

        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && id > 0
                ? id
                : null;
    }
}
