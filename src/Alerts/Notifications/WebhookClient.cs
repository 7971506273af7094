using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace SocialWatch.Alerts.Notifications;

/// <summary>What one try of a webhook came to.</summary>
/// <param name="Retry">Whether another try may succeed (timeouts, 408, 429, 5xx, no answer); other 4xx mean the webhook is misconfigured.</param>
public sealed record WebhookResult(bool Delivered, bool Retry, int Status, TimeSpan? RetryAfter = null);

/// <summary>
/// Typed HttpClient that posts Slack/Teams-compatible JSON (<c>{"text": …}</c>) to an incoming webhook, once per call:
/// the outbox worker owns retries and back-off, so a try survives a restart of this host. A target with a secret gets
/// its body signed (<see cref="WebhookSignature"/>).
/// </summary>
public sealed class WebhookClient(HttpClient http, IOptions<NotificationOptions> options, TimeProvider time)
{
    public const string DeliveryHeader = "X-SocialWatch-Delivery";

    /// <summary>The body every webhook gets for a message; the one place a webhook payload is built.</summary>
    public static string BuildBody(string text) =>
        System.Text.Json.JsonSerializer.Serialize(new WebhookPayload(EscapeForChat(text)), WebhookJson.Default.WebhookPayload);

    /// <param name="deliveryId">Names this notification on every try, so a receiver can drop a repeat (a host that died after sending).</param>
    public async Task<WebhookResult> SendAsync(WebhookTarget target, long deliveryId, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(DeliveryHeader, deliveryId.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(target.Secret))
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(target.Secret, timestamp, body));
        }

        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookResult(true, false, status)
                : new WebhookResult(false, IsTransient(response.StatusCode), status, RetryAfter(response.Headers.RetryAfter));
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new WebhookResult(false, true, 0);
        }
    }

    /// <summary>first × 2^(attempt-1), or the server's Retry-After if longer, never above the cap.</summary>
    public static TimeSpan BackOff(int attempt, TimeSpan first, TimeSpan max, TimeSpan? retryAfter)
    {
        var exponential = first * Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = retryAfter is { } server && server > exponential ? server : exponential;
        return delay > max ? max : delay;
    }

    /// <summary>
    /// Chat apps read &lt;…&gt; as links and mentions (&lt;!channel&gt;), so stranger-written text must have its
    /// angle brackets and ampersands entity-encoded; System.Text.Json then escapes it as a JSON string.
    /// </summary>
    public static string EscapeForChat(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

internal sealed record WebhookPayload([property: JsonPropertyName("text")] string Text);

[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class WebhookJson : JsonSerializerContext;
