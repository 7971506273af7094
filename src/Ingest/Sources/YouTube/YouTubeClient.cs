using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.YouTube;

/// <summary>YouTube sends no rate-limit headers; a 429 carries at most a standard Retry-After, which the base class reads.</summary>
internal sealed class RetryAfterRateLimitPolicy : RateLimitPolicy
{
    public override double? Remaining(HttpResponseMessage response) => null;

    public override DateTimeOffset? ResetAt(HttpResponseMessage response, DateTimeOffset now) => null;
}

/// <summary>Thin client for <c>GET commentThreads</c> and <c>GET comments</c> of the YouTube Data API v3 (one quota unit a call).</summary>
internal sealed class YouTubeClient(HttpClient http, IOptions<YouTubeOptions> options, YouTubeQuota quota, TimeProvider time)
{
    public const string SourceName = "youtube";

    /// <summary>How long a per-minute rate limit (403 rateLimitExceeded) is given before the job is retried.</summary>
    private static readonly TimeSpan RateLimitBackOff = TimeSpan.FromMinutes(1);

    public static RateLimitPolicy RateLimits { get; } = new RetryAfterRateLimitPolicy();

    /// <summary>Most ids one lookup by <c>id=</c> takes.</summary>
    public const int LookupBatch = 50;

    /// <summary>One page of the comment threads on a channel and its videos, newest first, with some replies of each.</summary>
    public Task<YouTubeThreadList> CommentThreadsAsync(string queryKey, string channelId, string? pageToken, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("part", "snippet,replies"),
            new("allThreadsRelatedToChannelId", channelId),
            new("order", "time"),
            new("maxResults", options.Value.MaxResults.ToString(CultureInfo.InvariantCulture)),
        };
        if (pageToken is not null)
        {
            parameters.Add(new("pageToken", pageToken));
        }

        return GetAsync("commentThreads", parameters, queryKey, YouTubeJsonContext.Default.YouTubeThreadList, p => p.Items is not null, cancellationToken);
    }

    /// <summary>Threads by id (a thread's id is its top comment's): the top comment's likes and the thread's reply count.</summary>
    public Task<YouTubeThreadList> ThreadsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        GetAsync("commentThreads", [new("part", "snippet"), new("id", string.Join(',', ids))], "thread lookup", YouTubeJsonContext.Default.YouTubeThreadList, p => p.Items is not null, cancellationToken);

    /// <summary>Comments (replies) by id: their current likes.</summary>
    public Task<YouTubeCommentList> CommentsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        GetAsync("comments", [new("part", "snippet"), new("id", string.Join(',', ids))], "comment lookup", YouTubeJsonContext.Default.YouTubeCommentList, p => p.Items is not null, cancellationToken);

    private async Task<T> GetAsync<T>(
        string path, List<KeyValuePair<string, string>> parameters, string what, JsonTypeInfo<T> typeInfo, Func<T, bool> hasItems, CancellationToken cancellationToken)
        where T : class
    {
        await quota.EnsureAvailableAsync(cancellationToken);

        // textOriginal is what is stored; should it be missing, textDisplay is then plain text as well, not HTML.
        parameters.Add(new("textFormat", "plainText"));
        parameters.Add(new("key", options.Value.ApiKey ?? ""));

        // The key travels in the query string, as the API documents; no message below ever includes the URL.
        var url = path + "?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceResponseException(SourceName, what, $"the request failed after retries: {ex.Message}", ex);
        }

        using (response)
        {
            // Google charges a unit for every call it answers, good or bad.
            await quota.SpendAsync(1, cancellationToken);
            var body = await SourceJson.ReadBodyAsync(response, SourceName, what, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Forbidden && ErrorReasons(body) is { Count: > 0 } reasons)
            {
                if (reasons.Find(r => r.Reason is "quotaExceeded" or "dailyLimitExceeded") is { } cap)
                {
                    throw new UsageCapExceededException(SourceName, YouTubeQuota.NextGoogleReset(time.GetUtcNow()), cap.Message ?? "the project's daily quota is used up");
                }

                if (reasons.Exists(r => r.Reason is "rateLimitExceeded" or "userRateLimitExceeded"))
                {
                    throw new RateLimitedException(SourceName, time.GetUtcNow() + RateLimitBackOff, RateLimitBackOff);
                }
            }

            SourceHttpClientRegistration.ThrowIfRateLimited(response, RateLimits, SourceName, time);
            SourceJson.EnsureSuccess(response, body, SourceName, what);
            var page = SourceJson.Parse(body, typeInfo, SourceName, what);
            if (!hasItems(page))
            {
                throw new SourceResponseException(SourceName, what, $"the response has no \"items\" list: {SourceJson.Snippet(body)}");
            }

            return page;
        }
    }

    /// <summary>The reasons of Google's error document, or null when the body is not one.</summary>
    private static List<YouTubeErrorItem>? ErrorReasons(byte[] body)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(body, YouTubeJsonContext.Default.YouTubeErrorDocument)?.Error?.Errors;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not Google's error document; the status is reported as an ordinary failure.
            return null;
        }
    }
}
