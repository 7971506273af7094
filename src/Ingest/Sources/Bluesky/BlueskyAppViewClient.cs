using System.Text;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// Thin client for the public AppView's <c>app.bsky.feed.getPosts</c> and <c>app.bsky.actor.getProfiles</c>, both read
/// without an account, at most <see cref="MaxBatch"/> items a request.
/// </summary>
internal sealed class BlueskyAppViewClient(HttpClient http, TimeProvider time)
{
    public const int MaxBatch = 25;

    /// <summary>AT Protocol services send <c>ratelimit-remaining</c> and <c>ratelimit-reset</c> (Unix epoch seconds).</summary>
    public static RateLimitPolicy RateLimits { get; } = new EpochResetRateLimitPolicy("ratelimit-remaining", "ratelimit-reset");

    /// <summary>The posts the AppView still shows; a deleted (or taken down) post is left out of the answer.</summary>
    public async Task<List<AppViewPost>> GetPostsAsync(IReadOnlyList<string> uris, CancellationToken cancellationToken)
    {
        var response = await GetAsync("xrpc/app.bsky.feed.getPosts", "uris", uris, "getPosts", BlueskyAppViewJsonContext.Default.GetPostsResponse, cancellationToken);
        return response.Posts ?? [];
    }

    public async Task<List<AppViewProfile>> GetProfilesAsync(IReadOnlyList<string> dids, CancellationToken cancellationToken)
    {
        var response = await GetAsync("xrpc/app.bsky.actor.getProfiles", "actors", dids, "getProfiles", BlueskyAppViewJsonContext.Default.GetProfilesResponse, cancellationToken);
        return response.Profiles ?? [];
    }

    private async Task<T> GetAsync<T>(
        string path, string parameter, IReadOnlyList<string> values, string what,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (values.Count is 0 or > MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values.Count, $"between 1 and {MaxBatch} items a request");
        }

        var url = new StringBuilder(path);
        for (var i = 0; i < values.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(parameter).Append('=').Append(Uri.EscapeDataString(values[i]));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url.ToString(), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceResponseException(JetstreamEvents.SourceName, what, $"the request failed after retries: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await SourceJson.ReadBodyAsync(response, JetstreamEvents.SourceName, what, cancellationToken);
            SourceHttpClientRegistration.ThrowIfRateLimited(response, RateLimits, JetstreamEvents.SourceName, time);
            SourceJson.EnsureSuccess(response, body, JetstreamEvents.SourceName, what);
            return SourceJson.Parse(body, type, JetstreamEvents.SourceName, what);
        }
    }
}
