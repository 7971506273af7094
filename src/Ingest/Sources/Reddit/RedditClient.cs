using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Reddit;

/// <summary>The application-only access token, shared by every Reddit client instance until shortly before it expires.</summary>
internal sealed class RedditTokenCache : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);

    // A reference, swapped whole, so a reader never sees the token of one fetch with the expiry of another.
    private volatile CachedToken? _current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, DateTimeOffset RefreshAt)>> fetch, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_current is { } cached && cached.RefreshAt > time.GetUtcNow())
        {
            return cached.Token;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && again.RefreshAt > time.GetUtcNow())
            {
                return again.Token;
            }

            var (token, refreshAt) = await fetch(cancellationToken);
            _current = new CachedToken(token, refreshAt);
            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Forgets a token the API refused, unless another caller already replaced it.</summary>
    public void Invalidate(string token)
    {
        var cached = _current;
        if (cached is not null && cached.Token == token)
        {
            Interlocked.CompareExchange(ref _current, null, cached);
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);
}

/// <summary>Posts the client-credentials grant to Reddit's token endpoint.</summary>
internal sealed class RedditTokenClient(HttpClient http, IOptions<RedditOptions> options, TimeProvider time, ILogger<RedditTokenClient> logger)
{
    public async Task<(string Token, DateTimeOffset RefreshAt)> FetchAsync(CancellationToken cancellationToken)
    {
        const string what = "access token";
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceResponseException(RedditClient.SourceName, what, $"the request failed after retries: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await SourceJson.ReadBodyAsync(response, RedditClient.SourceName, what, cancellationToken);
            SourceHttpClientRegistration.ThrowIfRateLimited(response, RedditClient.RateLimits, RedditClient.SourceName, time);
            SourceJson.EnsureSuccess(response, body, RedditClient.SourceName, what);
            var token = SourceJson.Parse(body, RedditJsonContext.Default.RedditTokenResponse, RedditClient.SourceName, what);
            if (token.Error is { ValueKind: not JsonValueKind.Null } error)
            {
                throw new SourceResponseException(RedditClient.SourceName, what, $"the token endpoint answered 200 with error {error.GetRawText()}{(token.Message is null ? "" : " " + token.Message)}");
            }

            if (string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn is not > 0)
            {
                throw new SourceResponseException(RedditClient.SourceName, what, "the token response has no access_token or expires_in");
            }

            var expiresAt = time.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn.Value);
            var refreshAt = expiresAt - settings.TokenRefreshMargin;
            IngestLog.TokenObtained(logger, RedditClient.SourceName, expiresAt);
            return (token.AccessToken, refreshAt);
        }
    }
}

/// <summary>Thin client for Reddit listings (search, subreddit new/comments) and /api/info.</summary>
internal sealed class RedditClient(
    HttpClient http,
    RedditTokenClient tokenClient,
    RedditTokenCache tokenCache,
    TimeProvider time,
    ILogger<RedditClient> logger)
{
    public const string SourceName = "reddit";

    public static RateLimitPolicy RateLimits { get; } = new DeltaResetRateLimitPolicy("X-Ratelimit-Remaining", "X-Ratelimit-Reset");

    public Task<RedditListing> SearchAsync(string queryKey, string query, int limit, string? after, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("q", query),
            new("sort", "new"),
            new("type", "link"),
        };
        return ListingAsync("search", parameters, limit, after, queryKey, cancellationToken);
    }

    /// <param name="listing">"new" (posts) or "comments".</param>
    public Task<RedditListing> SubredditAsync(string queryKey, string subreddit, string listing, int limit, string? after, CancellationToken cancellationToken) =>
        ListingAsync($"r/{Uri.EscapeDataString(subreddit)}/{listing}", [], limit, after, queryKey, cancellationToken);

    /// <summary>/api/info for up to 100 fullnames per request: things that no longer exist are simply absent.</summary>
    public async Task<List<RedditItem>> InfoAsync(IReadOnlyList<string> fullnames, CancellationToken cancellationToken)
    {
        var items = new List<RedditItem>();
        foreach (var chunk in fullnames.Chunk(100))
        {
            var listing = await ListingAsync("api/info", [new("id", string.Join(',', chunk))], chunk.Length, null, "info", cancellationToken);
            items.AddRange(listing.Data!.Children!.Select(c => c.Data).OfType<RedditItem>());
        }

        return items;
    }

    private async Task<RedditListing> ListingAsync(
        string path, List<KeyValuePair<string, string>> parameters, int limit, string? after, string what, CancellationToken cancellationToken)
    {
        parameters.Add(new("limit", limit.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(new("raw_json", "1"));
        if (after is not null)
        {
            parameters.Add(new("after", after));
        }

        var url = path + "?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var body = await GetWithTokenAsync(url, what, cancellationToken);
        var listing = SourceJson.Parse(body, RedditJsonContext.Default.RedditListing, SourceName, what);
        if (listing.Error is { ValueKind: not JsonValueKind.Null } error)
        {
            throw new SourceResponseException(SourceName, what, $"the API answered 200 with error {error.GetRawText()}{(listing.Message is null ? "" : " " + listing.Message)}");
        }

        if (listing.Kind != "Listing" || listing.Data?.Children is null)
        {
            throw new SourceResponseException(SourceName, what, $"expected a Listing with children, got kind '{listing.Kind}': {SourceJson.Snippet(body)}");
        }

        return listing;
    }

    private async Task<byte[]> GetWithTokenAsync(string url, string what, CancellationToken cancellationToken)
    {
        // One retry with a fresh token: a cached token can be revoked before its stated expiry.
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokenCache.GetAsync(tokenClient.FetchAsync, time, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new SourceResponseException(SourceName, what, $"the request failed after retries: {ex.Message}", ex);
            }

            using (response)
            {
                var body = await SourceJson.ReadBodyAsync(response, SourceName, what, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    IngestLog.TokenRejected(logger, SourceName);
                    tokenCache.Invalidate(token);
                    continue;
                }

                SourceHttpClientRegistration.ThrowIfRateLimited(response, RateLimits, SourceName, time);
                SourceJson.EnsureSuccess(response, body, SourceName, what);
                return body;
            }
        }
    }
}
