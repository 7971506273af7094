using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.YouTube;

/// <summary>YouTube sends no rate-limit headers; a 429 carries at most a standard Retry-After, which the base class reads.</summary>
internal sealed class RetryAfterRateLimitPolicy : RateLimitPolicy
{
    public override double? Remaining(HttpResponseMessage response) => null;

    public override DateTimeOffset? ResetAt(HttpResponseMessage response, DateTimeOffset now) => null;
}

/// <summary>Thin client for <c>GET commentThreads</c> of the YouTube Data API v3 (one quota unit a call).</summary>
internal sealed class YouTubeClient(HttpClient http, IOptions<YouTubeOptions> options, YouTubeQuota quota, TimeProvider time)
{
    public const string SourceName = "youtube";

    /// <summary>How long a per-minute rate limit (403 rateLimitExceeded) is given before the job is retried.</summary>
    private static readonly TimeSpan RateLimitBackOff = TimeSpan.FromMinutes(1);

    public static RateLimitPolicy RateLimits { get; } = new RetryAfterRateLimitPolicy();

    /// <summary>One page of the comment threads on a channel and its videos, newest first, with some replies of each.</summary>
    public async Task<YouTubeThreadList> CommentThreadsAsync(string queryKey, string channelId, string? pageToken, CancellationToken cancellationToken)
    {
        await quota.EnsureAvailableAsync(cancellationToken);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("part", "snippet,replies"),
            new("allThreadsRelatedToChannelId", channelId),
            new("order", "time"),
            new("maxResults", options.Value.MaxResults.ToString(CultureInfo.InvariantCulture)),

            // textOriginal is what is stored; should it be missing, textDisplay is then plain text as well, not HTML.
            new("textFormat", "plainText"),
            new("key", options.Value.ApiKey ?? ""),
        };
        if (pageToken is not null)
        {
            parameters.Add(new("pageToken", pageToken));
        }

        // The key travels in the query string, as the API documents; no message below ever includes the URL.
        var url = "commentThreads?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceResponseException(SourceName, queryKey, $"the request failed after retries: {ex.Message}", ex);
        }

        using (response)
        {
            // Google charges a unit for every call it answers, good or bad.
            await quota.SpendAsync(1, cancellationToken);
            var body = await SourceJson.ReadBodyAsync(response, SourceName, queryKey, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Forbidden && ErrorReasons(body) is { Count: > 0 } reasons)
            {
                if (reasons.Exists(r => r.Reason is "quotaExceeded" or "dailyLimitExceeded"))
                {
                    var reason = reasons.Find(r => r.Reason is "quotaExceeded" or "dailyLimitExceeded")!;
                    throw new UsageCapExceededException(SourceName, YouTubeQuota.NextGoogleReset(time.GetUtcNow()), reason.Message ?? "the project's daily quota is used up");
                }

                if (reasons.Exists(r => r.Reason is "rateLimitExceeded" or "userRateLimitExceeded"))
                {
                    throw new RateLimitedException(SourceName, time.GetUtcNow() + RateLimitBackOff, RateLimitBackOff);
                }
            }

            SourceHttpClientRegistration.ThrowIfRateLimited(response, RateLimits, SourceName, time);
            SourceJson.EnsureSuccess(response, body, SourceName, queryKey);
            var page = SourceJson.Parse(body, YouTubeJsonContext.Default.YouTubeThreadList, SourceName, queryKey);
            if (page.Items is null)
            {
                throw new SourceResponseException(SourceName, queryKey, $"the response has no \"items\" list: {SourceJson.Snippet(body)}");
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
