using System.Globalization;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Mastodon;

/// <summary>Mastodon's <c>X-RateLimit-Reset</c> is an ISO 8601 timestamp.</summary>
internal sealed class IsoResetRateLimitPolicy : RateLimitPolicy
{
    public override double? Remaining(HttpResponseMessage response) => NumberHeader(response, "X-RateLimit-Remaining");

    public override DateTimeOffset? ResetAt(HttpResponseMessage response, DateTimeOffset now) =>
        DateTimeOffset.TryParse(Header(response, "X-RateLimit-Reset"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset) ? reset : null;
}

/// <summary>Thin client for <c>GET /api/v1/timelines/tag/:hashtag</c>.</summary>
internal sealed class MastodonClient(HttpClient http, TimeProvider time)
{
    public const string SourceName = "mastodon";

    public static RateLimitPolicy RateLimits { get; } = new IsoResetRateLimitPolicy();

    /// <param name="minId">Returns the statuses immediately newer than this id (forward paging); null for the newest page.</param>
    public async Task<List<MastodonStatus>> HashtagAsync(string queryKey, string hashtag, string? minId, int limit, CancellationToken cancellationToken)
    {
        var url = $"api/v1/timelines/tag/{Uri.EscapeDataString(hashtag)}?limit={limit.ToString(CultureInfo.InvariantCulture)}";
        if (minId is not null)
        {
            url += "&min_id=" + Uri.EscapeDataString(minId);
        }

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
            var body = await SourceJson.ReadBodyAsync(response, SourceName, queryKey, cancellationToken);
            SourceHttpClientRegistration.ThrowIfRateLimited(response, RateLimits, SourceName, time);
            SourceJson.EnsureSuccess(response, body, SourceName, queryKey);
            return SourceJson.Parse(body, MastodonJsonContext.Default.ListMastodonStatus, SourceName, queryKey);
        }
    }
}
