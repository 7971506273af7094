using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Typed HttpClient that posts Slack/Teams-compatible JSON (<c>{"text": …}</c>) to an incoming webhook, retrying
/// timeouts, 408, 429 and 5xx with exponential back-off (honouring Retry-After). Other 4xx are not retried: the
/// webhook is misconfigured and repeating will not fix it.
/// </summary>
public sealed class WebhookClient(HttpClient http, IOptions<NotificationOptions> options, TimeProvider time, ILogger<WebhookClient> logger)
{
    /// <returns>True when the webhook accepted the message.</returns>
    public async Task<bool> PostAsync(WebhookTarget target, long alertId, string text, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var payload = new WebhookPayload(EscapeForChat(text));
        var status = 0;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(o.WebhookTimeout);
                try
                {
                    using var response = await http.PostAsJsonAsync(target.Url, payload, WebhookJson.Default.WebhookPayload, timeout.Token);
                    status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return true;
                    }

                    if (!IsTransient(response.StatusCode))
                    {
                        WorkflowLog.WebhookGaveUp(logger, target.Name, attempt, alertId, status);
                        return false;
                    }

                    retryAfter = response.Headers.RetryAfter?.Delta;
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    status = 0;
                }
            }

            if (attempt >= o.WebhookMaxAttempts)
            {
                WorkflowLog.WebhookGaveUp(logger, target.Name, attempt, alertId, status);
                return false;
            }

            var delay = BackOff(attempt, o.WebhookFirstRetryDelay, o.WebhookMaxRetryDelay, retryAfter);
            WorkflowLog.WebhookRetry(logger, target.Name, status, attempt, delay);
            await Task.Delay(delay, time, cancellationToken);
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

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

internal sealed record WebhookPayload([property: JsonPropertyName("text")] string Text);

[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class WebhookJson : JsonSerializerContext;
