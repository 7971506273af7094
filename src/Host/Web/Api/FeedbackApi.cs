using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Web.Api;

/// <summary><c>POST /api/feedback</c>: an agent corrects the models' judgement of a mention (or of a text).</summary>
internal static class FeedbackApi
{
    public const int MaxTextLength = 10_000;

    public static void MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", async (
                FeedbackBody body,
                HttpContext context,
                IMentionStore mentions,
                IFeedbackStore feedback,
                TimeProvider time,
                CancellationToken cancellationToken) =>
            {
                if (body.Sentiment is null && body.Complaint is null && body.Escalate is null)
                {
                    return Results.Problem("Give at least one of sentiment, complaint or escalate.", statusCode: StatusCodes.Status400BadRequest);
                }

                var text = body.Text;
                var brand = body.Brand;
                if (body.MentionId is { } mentionId)
                {
                    var stored = await mentions.GetMentionAsync(mentionId, cancellationToken);
                    if (stored is null || stored.Redacted)
                    {
                        return Results.Problem($"Mention {mentionId} does not exist or was deleted at its source.", statusCode: StatusCodes.Status404NotFound);
                    }

                    text = stored.Mention.Text;
                    brand ??= stored.Mention.Brand;
                }

                if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
                {
                    return Results.Problem($"Give a mentionId or a text of 1 to {MaxTextLength} characters.", statusCode: StatusCodes.Status400BadRequest);
                }

                var id = await feedback.AddAsync(
                    new FeedbackLabel
                    {
                        Text = text,
                        Brand = brand,
                        Sentiment = body.Sentiment,
                        Complaint = body.Complaint,
                        Escalate = body.Escalate,
                        Origin = "correction",
                        MentionId = body.MentionId,
                        Actor = context.User.Identity?.Name,
                        CreatedAt = time.GetUtcNow(),
                    },
                    cancellationToken);
                return Results.Created($"/api/feedback/{id}", new FeedbackCreated(id));
            })
            .RequireAuthorization(SocialWatchPolicies.Agent)
            .WithTags("Feedback")
            .WithName("AddFeedback")
            .WithSummary("Correct the models' judgement of a mention")
            .WithDescription(
                "Stores a labelled example for the next retraining: the stored text of mentionId, or a text (1.."
                + $"{MaxTextLength} characters) with its brand, and at least one of sentiment, complaint and escalate. "
                + "The caller is recorded as the labeller. Cookie callers send the anti-forgery token header.")
            .Produces<FeedbackCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new Observability.ApiExample(new FeedbackBody(4711, null, null, SentimentLabel.Negative, true, true), new FeedbackCreated(88)))
            .AddEndpointFilter<AntiforgeryCheck>()
            .DisableAntiforgery();
    }

    internal sealed record FeedbackCreated(long Id);

    internal sealed record FeedbackBody(long? MentionId, string? Text, string? Brand, SentimentLabel? Sentiment, bool? Complaint, bool? Escalate);
}
