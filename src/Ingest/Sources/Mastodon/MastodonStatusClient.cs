using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Mastodon;

/// <summary>
/// Thin client for <c>GET /api/v1/statuses/:id</c> on the server a status lives on: the configured instance only
/// holds a federated copy, whose counters lag behind the origin's. The access token is sent to the configured
/// instance only, never to another server.
/// </summary>
internal sealed class MastodonStatusClient(HttpClient http, IOptions<MastodonOptions> options, TimeProvider time)
{
    /// <summary>The status, or null when its server says it is gone (404, 410).</summary>
    public async Task<MastodonStatus?> StatusAsync(Uri server, string id, CancellationToken cancellationToken)
    {
        var url = new Uri(server, $"api/v1/statuses/{Uri.EscapeDataString(id)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var configured = options.Value;
        if (configured.AccessToken is { Length: > 0 } token && configured.BaseUrl is { } home
            && Uri.Compare(home, server, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        const string what = "status lookup";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceResponseException(MastodonClient.SourceName, what, $"the request failed after retries: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return null;
            }

            var body = await SourceJson.ReadBodyAsync(response, MastodonClient.SourceName, what, cancellationToken);
            SourceHttpClientRegistration.ThrowIfRateLimited(response, MastodonClient.RateLimits, MastodonClient.SourceName, time);
            SourceJson.EnsureSuccess(response, body, MastodonClient.SourceName, what);
            return SourceJson.Parse(body, MastodonJsonContext.Default.MastodonStatus, MastodonClient.SourceName, what);
        }
    }
}
