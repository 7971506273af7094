using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;
using SocialWatch.Host.Web;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>
/// Every webhook (configured ones read-only, stored ones added and deleted here) and every receiver's deliveries as
/// the outbox recorded them: last try, last delivery, last failure with the remote server's answer, what is pending,
/// and the rows that gave up, which an admin may send again. Changes go to the admin audit with the store's write.
/// </summary>
public sealed class WebhooksModel(
    IWebhookStore webhooks,
    INotificationDeliveryLog deliveries,
    IOptions<NotificationOptions> options,
    TimeProvider time) : PageModel
{
    private const int GivenUpShown = 200;

    /// <summary>The window of the page's counts (its column says "Last 24 h").</summary>
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public IReadOnlyList<WebhookListing> Webhooks { get; private set; } = [];

    /// <summary>Receivers the log or the outbox names that no webhook has any more (a deleted or renamed one).</summary>
    public IReadOnlyList<ReceiverDeliveries> Others { get; private set; } = [];

    public IReadOnlyList<GivenUpNotification> GivenUp { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string RetentionText => options.Value.DeliveryLogRetention switch
    {
        var r when r.TotalDays >= 1 => string.Create(CultureInfo.InvariantCulture, $"{r.TotalDays:0.#} days"),
        var r => string.Create(CultureInfo.InvariantCulture, $"{r.TotalHours:0.#} hours"),
    };

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var summary = (await deliveries.SummarizeAsync(time.GetUtcNow() - Window, cancellationToken)).ToDictionary(r => (r.Channel, r.Target));
        var stored = await webhooks.ListAsync(cancellationToken);

        var listed = new List<WebhookListing>();
        foreach (var w in o.Webhooks)
        {
            listed.Add(new WebhookListing(NotificationChannels.Webhook, "config:" + w.Name, w.Name, w.Url, w.MinPriority, w.Brands, true, w.Secret is not null, null, summary.GetValueOrDefault((NotificationChannels.Webhook, "config:" + w.Name))));
        }

        foreach (var w in stored)
        {
            var key = "stored:" + w.Id.ToString(CultureInfo.InvariantCulture);
            listed.Add(new WebhookListing(NotificationChannels.Webhook, key, w.Name, w.Url, w.MinPriority, w.Brands, w.Enabled, w.Secret is not null, w.Id, summary.GetValueOrDefault((NotificationChannels.Webhook, key))));
        }

        Webhooks = listed;
        var known = listed.Select(l => (l.Channel, l.Key)).ToHashSet();
        Others = [.. summary.Values.Where(r => !known.Contains((r.Channel, r.Target)))];
        GivenUp = await deliveries.ListGivenUpAsync(GivenUpShown, cancellationToken);
        Names = listed.ToDictionary(l => l.Key, l => l.Name, StringComparer.Ordinal);
    }

    public async Task<IActionResult> OnPostAddAsync(string? name, string? url, string? secret, AlertPriority minPriority, string? brands, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || !Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri))
        {
            Error = "A webhook needs a name and an absolute http(s) URL.";
            return RedirectToPage();
        }

        try
        {
            var saved = await webhooks.SaveAsync(
                new StoredWebhook(
                    0,
                    name.Trim(),
                    uri,
                    minPriority,
                    [.. (brands ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Secret: string.IsNullOrWhiteSpace(secret) ? null : secret.Trim()),
                User.Identity!.Name!,
                cancellationToken);
            Message = $"Added webhook {saved.Name}.";
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await webhooks.DeleteAsync(id, User.Identity!.Name!, cancellationToken);
            Message = "Deleted the webhook; rows already queued for it give up on their next try.";
        }
        catch (WebhookNotFoundException ex)
        {
            Error = ex.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        if (await deliveries.RetryGivenUpAsync(id, time.GetUtcNow(), User.Identity!.Name!, cancellationToken))
        {
            Message = $"Notification {id} is due again, with a fresh round of tries.";
        }
        else
        {
            Error = $"Notification {id} is not given up any more (delivered, retried already, or erased).";
        }

        return RedirectToPage();
    }

    /// <summary>An incoming webhook's URL carries its token in the path: the page shows where it points, not all of it.</summary>
    public static string Where(Uri? url) => url switch
    {
        null => "",
        _ when url.AbsolutePath is "/" or "" && url.Query.Length == 0 => url.GetLeftPart(UriPartial.Authority),
        _ => url.GetLeftPart(UriPartial.Authority) + "/…",
    };

    public static string Describe(DeliveryAttempt attempt) => attempt.Outcome switch
    {
        DeliveryOutcome.Delivered => "delivered",
        DeliveryOutcome.Retrying => attempt.RetryAt is { } at ? $"failed, will retry at {Format.Time(at)}" : "failed, will retry",
        _ => "gave up",
    };
}

/// <summary>One webhook on the page with its receiver's deliveries (null when it has none yet).</summary>
/// <param name="StoredId">The store's id; null for a configured webhook, which the page cannot change.</param>
public sealed record WebhookListing(
    string Channel,
    string Key,
    string Name,
    Uri? Url,
    AlertPriority MinPriority,
    IReadOnlyList<string> Brands,
    bool Enabled,
    bool HasSecret,
    long? StoredId,
    ReceiverDeliveries? Deliveries);
