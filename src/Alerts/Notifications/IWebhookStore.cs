using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Notifications;

/// <summary>An incoming webhook added by an admin in the UI (configured ones come from <see cref="NotificationOptions.Webhooks"/>).</summary>
/// <param name="Secret">Signs every post (<see cref="WebhookSignature"/>); like the URL, never written to the audit.</param>
public sealed record StoredWebhook(long Id, string Name, Uri Url, AlertPriority MinPriority, IReadOnlyList<string> Brands, bool Enabled = true, string? Secret = null)
{
    public WebhookTarget ToTarget() => new() { Name = Name, Url = Url, MinPriority = MinPriority, Brands = [.. Brands], Secret = Secret };

    /// <summary>Throws when the webhook could not be posted to.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Webhook '{Name}' needs an absolute http(s) URL.", nameof(Url));
        }
    }
}

/// <summary>Webhooks as admins edit them; every change is written to the admin audit (without the secret URL).</summary>
public interface IWebhookStore
{
    Task<IReadOnlyList<StoredWebhook>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts when the id is 0, else replaces; returns the webhook with its id.</summary>
    Task<StoredWebhook> SaveAsync(StoredWebhook webhook, string actor, CancellationToken cancellationToken);

    Task DeleteAsync(long id, string actor, CancellationToken cancellationToken);
}
