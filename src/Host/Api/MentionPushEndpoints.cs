using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Ingest;
using SocialWatch.Ingest.Push;

namespace SocialWatch.Host.Api;

/// <summary><c>POST /api/mentions</c>: other systems push mentions into the same pipeline as polled ones.</summary>
public static class MentionPushEndpoints
{
    public const string Channel = "push";

    /// <summary>Maps the push endpoint; callers need the "push" authorization policy (API key).</summary>
    public static IEndpointRouteBuilder MapMentionPush(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/mentions", PushAsync)
            .RequireAuthorization("push")
            .WithName("PushMentions")
            .WithTags("Mentions")
            .WithSummary("Push mentions")
            .WithDescription(
                "Stores a JSON array of mentions (or one mention object) from a source without a connector. All or nothing: "
                + "when any item is invalid nothing is stored and 400 lists the first invalid items; resending is safe, known "
                + "mentions count as duplicates. Scored and routed like any ingested mention.")
            .Accepts<SocialWatch.Core.Mentions.MentionLine>("application/json")
            .Produces<PushResponse>()
            .Produces<PushValidationResponse>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    /// <summary>What the endpoint answers: how many arrived, how many were new, how many were known already.</summary>
    public sealed record PushResponse(int Received, int Stored, int Duplicates, int Filtered);

    /// <summary>
    /// The first <see cref="MaxListedErrors"/> items that failed validation (<paramref name="Unlisted"/> more failed
    /// too); nothing of the request was stored.
    /// </summary>
    public sealed record PushValidationResponse(string Error, IReadOnlyList<MentionInputError> Items, int Unlisted);

    /// <summary>
    /// A stranger's megabyte of empty objects must not buy a response forty times its size: the listed items, and the
    /// text each echoes back, are capped; the count says how many more there were.
    /// </summary>
    public const int MaxListedErrors = 100;

    private const int MaxEchoedChars = 200;

    internal static async Task<IResult> PushAsync(
        HttpRequest request,
        MentionInputMapper mapper,
        MentionIntake intake,
        IOptions<IngestOptions> options,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxPushBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var body = await ReadLimitedAsync(request.Body, limit, cancellationToken);
        if (body is null)
        {
            return TooLarge(limit);
        }

        IReadOnlyList<SocialWatch.Core.Mentions.MentionLine?> inputs;
        try
        {
            inputs = MentionInputMapper.ParseBody(body);
        }
        catch (JsonException ex)
        {
            return Results.Problem(
                title: "Malformed JSON",
                detail: $"The body is not a mention object or an array of them: {ex.Message}",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (inputs.Count == 0)
        {
            return Results.Problem(title: "No mentions", detail: "The array is empty.", statusCode: StatusCodes.Status400BadRequest);
        }

        var mapped = new List<MappedMention>(inputs.Count);
        var errors = new List<MentionInputError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                errors.Add(new MentionInputError(i, null, ["The item is null."]));
                continue;
            }

            var (item, error) = await mapper.MapAsync(inputs[i]!, i, brandOverride: null, Channel, cancellationToken);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                mapped.Add(item!);
            }
        }

        // All or nothing: a sender fixes the listed items and resends the whole request, which dedupe makes safe.
        if (errors.Count > 0)
        {
            var listed = errors.Take(MaxListedErrors).Select(e => new MentionInputError(e.Index, Clip(e.Id), [.. e.Errors.Take(10).Select(m => Clip(m)!)])).ToList();
            return Results.Json(
                new PushValidationResponse(
                    $"{errors.Count} of {inputs.Count} mentions are invalid; nothing was stored."
                    + (errors.Count > listed.Count ? $" The first {listed.Count} are listed." : ""),
                    listed,
                    errors.Count - listed.Count),
                statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await intake.IngestAsync(mapped, Channel, cancellationToken);
        return Results.Ok(new PushResponse(result.Received, result.Stored, result.Duplicates, result.Filtered));
    }

    private static string? Clip(string? text) =>
        text is { Length: > MaxEchoedChars } ? string.Concat(text.AsSpan(0, MaxEchoedChars - 1), "…") : text;

    private static IResult TooLarge(int limit) => Results.Problem(
        title: "Body too large",
        detail: $"Send at most {limit} bytes per request; split larger batches.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (chunked bodies have no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
