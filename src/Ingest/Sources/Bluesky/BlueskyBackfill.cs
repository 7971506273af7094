using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Ingest.Http;
using SocialWatch.Ingest.Pipeline;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// Fills what the stream cannot replay (the first start, an outage past <see cref="BlueskyOptions.ReplayHorizon"/>)
/// with <c>app.bsky.feed.searchPosts</c>, which needs a signed-in session: the configured account signs in with its
/// app password at its PDS, which relays the searches. Every brand's keywords and handles are searched newest first
/// back to the start of the gap; each hit goes through the same matcher as the stream (so a brand gets what the stream
/// would have given it) and is stored page by page. The store drops what the stream then repeats.
/// </summary>
internal sealed class BlueskyBackfill(
    IHttpClientFactory clients,
    IOptions<BlueskyOptions> options,
    IBrandDirectory directory,
    BrandMatcherCache matchers,
    BlueskyProfiles profiles,
    MentionPipeline pipeline,
    TimeProvider time,
    ILogger<BlueskyBackfill> logger)
{
    /// <summary>Key the backfill's pages are stored under; its cursor is never moved (pages are idempotent).</summary>
    public const string QueryKey = "bluesky:backfill";

    private const int PageLimit = 100;

    /// <summary>Searches posts since <paramref name="since"/>; returns how many were stored.</summary>
    public async Task<int> RunAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = clients.CreateClient(nameof(BlueskyAppViewClient));
        var token = await SignInAsync(http, settings, cancellationToken);
        var matcher = await matchers.GetAsync(cancellationToken);
        var brands = (await directory.GetAsync(cancellationToken)).Brands;
        var stored = 0;
        foreach (var term in brands.SelectMany(Terms).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            string? cursor = null;
            for (var page = 0; page < settings.BackfillMaxPages; page++)
            {
                var result = await SearchAsync(http, settings, token, term, since, cursor, cancellationToken);
                var mentions = new List<BrandMention>();
                foreach (var hit in result.Posts ?? [])
                {
                    if (ToPost(hit) is not { } post)
                    {
                        continue;
                    }

                    foreach (var brand in matcher.Match(post))
                    {
                        var owner = matcher.Brands[brand];
                        mentions.Add(new BrandMention(owner, post.ToMention(owner.Name, time)));
                    }
                }

                if (mentions.Count > 0)
                {
                    var enriched = await profiles.EnrichAsync(mentions, cancellationToken);
                    stored += (await pipeline.ProcessAsync(new StreamBatch(QueryKey, enriched, null, null), cancellationToken)).Stored;
                }

                cursor = result.Cursor;
                if (string.IsNullOrEmpty(cursor) || (result.Posts?.Count ?? 0) == 0)
                {
                    break;
                }
            }
        }

        IngestLog.BackfillDone(logger, JetstreamEvents.SourceName, since, stored);
        return stored;
    }

    /// <summary>What is searched for a brand: its keywords (phrases quoted) and handles.</summary>
    internal static IEnumerable<string> Terms(Brand brand) =>
        brand.Keywords.Select(k => k.Trim()).Where(k => k.Length > 1).Select(k => k.Contains(' ', StringComparison.Ordinal) ? $"\"{k.Replace("\"", "", StringComparison.Ordinal)}\"" : k)
            .Concat(brand.Handles.Select(h => h.Trim().TrimStart('@')).Where(h => h.Length > 1 && !h.StartsWith("did:", StringComparison.Ordinal)));

    private static JetstreamPost? ToPost(AppViewPost hit)
    {
        if (hit.Uri is not { } uri || hit.Record is not { } record || !BlueskyEngagementSource.IsPostUri(uri))
        {
            return null;
        }

        var did = uri["at://".Length..uri.IndexOf('/', "at://".Length)];
        var rkey = uri[(uri.LastIndexOf('/') + 1)..];
        var created = DateTimeOffset.TryParse(record.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.UnixEpoch;
        return JetstreamEvents.ToPost(did, rkey, created.ToUnixTimeMilliseconds() * 1000, record);
    }

    private async Task<string> SignInAsync(HttpClient http, BlueskyOptions settings, CancellationToken cancellationToken)
    {
        const string what = "createSession";
        using var content = JsonContent.Create(new CreateSessionRequest { Identifier = settings.Identifier, Password = settings.AppPassword },
            BlueskyAppViewJsonContext.Default.CreateSessionRequest);
        var session = await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, new Uri(settings.PdsUrl, "xrpc/com.atproto.server.createSession")) { Content = content },
            what, BlueskyAppViewJsonContext.Default.CreateSessionResponse, cancellationToken);
        return session.AccessJwt is { Length: > 0 } token
            ? token
            : throw new SourceResponseException(JetstreamEvents.SourceName, what, "the PDS returned no access token");
    }

    private Task<SearchPostsResponse> SearchAsync(
        HttpClient http, BlueskyOptions settings, string token, string term, DateTimeOffset since, string? cursor, CancellationToken cancellationToken)
    {
        var url = new StringBuilder("xrpc/app.bsky.feed.searchPosts?sort=latest&limit=")
            .Append(PageLimit.ToString(CultureInfo.InvariantCulture))
            .Append("&q=").Append(Uri.EscapeDataString(term))
            .Append("&since=").Append(Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)));
        if (cursor is not null)
        {
            url.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
        }

        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.PdsUrl, url.ToString()));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync(http, request, "searchPosts", BlueskyAppViewJsonContext.Default.SearchPostsResponse, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, string what, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new SourceResponseException(JetstreamEvents.SourceName, what, $"the request failed after retries: {ex.Message}", ex);
            }

            using (response)
            {
                var body = await SourceJson.ReadBodyAsync(response, JetstreamEvents.SourceName, what, cancellationToken);
                SourceHttpClientRegistration.ThrowIfRateLimited(response, BlueskyAppViewClient.RateLimits, JetstreamEvents.SourceName, time);
                SourceJson.EnsureSuccess(response, body, JetstreamEvents.SourceName, what);
                return SourceJson.Parse(body, type, JetstreamEvents.SourceName, what);
            }
        }
    }
}
