using System.Globalization;
using System.Net;
using System.Text.Json;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.X;

/// <summary>Thin client for the X API v2 endpoints ingest uses: recent search, post lookup and recent counts.</summary>
internal sealed class XClient(HttpClient http, TimeProvider time)
{
    public const string SourceName = "x";

    private const string PostFields = "created_at,public_metrics,conversation_id,lang,referenced_tweets,author_id";
    private const string UserFields = "username,name,verified,public_metrics";
    private const int LookupBatch = 100;

    public static RateLimitPolicy RateLimits { get; } = new EpochResetRateLimitPolicy("x-rate-limit-remaining", "x-rate-limit-reset");

    /// <summary>GET /2/tweets/search/recent for one page.</summary>
    public async Task<XSearchResponse> SearchRecentAsync(
        string queryKey, string query, string? sinceId, string? nextToken, DateTimeOffset? startTime, int maxResults, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("query", query),
            new("max_results", maxResults.ToString(CultureInfo.InvariantCulture)),
            new("tweet.fields", PostFields),
            new("expansions", "author_id"),
            new("user.fields", UserFields),
        };
        if (sinceId is not null)
        {
            parameters.Add(new("since_id", sinceId));
        }

        if (startTime is { } start)
        {
            parameters.Add(new("start_time", start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }

        if (nextToken is not null)
        {
            parameters.Add(new("next_token", nextToken));
        }

        var response = await GetAsync("2/tweets/search/recent", parameters, queryKey, XJsonContext.Default.XSearchResponse, cancellationToken);
        if (response.Meta is null)
        {
            var problems = string.Join("; ", (response.Errors ?? []).Select(e => $"{e.Title}: {e.Detail}"));
            throw new SourceResponseException(SourceName, queryKey, $"the search response has no \"meta\" object{(problems.Length > 0 ? ": " + problems : "")}");
        }

        return response;
    }

    /// <summary>
    /// GET /2/tweets/counts/recent with day buckets: how many posts the query matched over the last seven days. Billed
    /// per request, not per post, so it tells what a query would cost before it is read.
    /// </summary>
    public async Task<XCountsResponse> CountRecentAsync(string queryKey, string query, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("query", query), new("granularity", "day") };
        var response = await GetAsync("2/tweets/counts/recent", parameters, queryKey, XJsonContext.Default.XCountsResponse, cancellationToken);
        if (response.Data is null)
        {
            var problems = string.Join("; ", (response.Errors ?? []).Select(e => $"{e.Title}: {e.Detail}"));
            throw new SourceResponseException(SourceName, queryKey, $"the counts response has no \"data\" array{(problems.Length > 0 ? ": " + problems : "")}");
        }

        return response;
    }

    /// <summary>GET /2/tweets?ids=… in batches of 100: current metrics, and problems for posts that are gone.</summary>
    public async Task<XLookupResponse> LookupAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var all = new XLookupResponse { Data = [], Errors = [] };
        foreach (var chunk in ids.Chunk(LookupBatch))
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("ids", string.Join(',', chunk)),
                new("tweet.fields", "public_metrics"),
            };
            var page = await GetAsync("2/tweets", parameters, "post lookup", XJsonContext.Default.XLookupResponse, cancellationToken);
            all.Data.AddRange(page.Data ?? []);
            all.Errors.AddRange(page.Errors ?? []);
        }

        return all;
    }

    /// <summary>Recognises X's "UsageCapExceeded" answer: no wait within a job run will fix it.</summary>
    public static async ValueTask<bool> IsUsageCapAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden))
        {
            return false;
        }

        // Buffered so that the client can still read the body after this check.
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains("UsageCapExceeded", StringComparison.Ordinal);
    }

    private async Task<T> GetAsync<T>(
        string path, List<KeyValuePair<string, string>> parameters, string what, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
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
            var body = await SourceJson.ReadBodyAsync(response, SourceName, what, cancellationToken);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden
                && UsageCap(body) is { } cap)
            {
                throw new UsageCapExceededException(SourceName, CapResetsAt(response, cap), cap.Detail ?? cap.Title ?? "usage cap exceeded");
            }

            SourceHttpClientRegistration.ThrowIfRateLimited(response, RateLimits, SourceName, time);
            SourceJson.EnsureSuccess(response, body, SourceName, what);
            return SourceJson.Parse(body, typeInfo, SourceName, what);
        }
    }

    private static XProblem? UsageCap(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("title", out var title)
                && title.ValueKind == JsonValueKind.String
                && title.GetString() == "UsageCapExceeded")
            {
                return new XProblem
                {
                    Title = title.GetString(),
                    Detail = document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null,
                    Period = document.RootElement.TryGetProperty("period", out var period) && period.ValueKind == JsonValueKind.String ? period.GetString() : null,
                };
            }
        }
        catch (JsonException)
        {
            // Not a usage-cap problem document; the caller reports the status as an ordinary failure.
        }

        return null;
    }

    /// <summary>The cap lifts when X's reset header says, else at the start of the next period (daily or monthly, UTC).</summary>
    private DateTimeOffset CapResetsAt(HttpResponseMessage response, XProblem cap)
    {
        var now = time.GetUtcNow();
        if (RateLimits.ResetAt(response, now) is { } reset && reset > now)
        {
            return reset;
        }

        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return string.Equals(cap.Period, "Daily", StringComparison.OrdinalIgnoreCase)
            ? today.AddDays(1)
            : new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
    }
}
