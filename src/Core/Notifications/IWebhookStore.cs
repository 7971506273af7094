using SocialWatch.Core.Alerts;

namespace SocialWatch.Core.Notifications;

/// <summary>An incoming webhook added by an admin in the UI (configured ones come from the <c>Notifications:Webhooks</c> settings).</summary>
/// <param name="Secret">Signs every post (the <c>X-SocialWatch-Signature</c> header); like the URL, never written to the audit.</param>
public sealed record StoredWebhook(long Id, string Name, Uri Url, AlertPriority MinPriority, IReadOnlyList<string> Brands, bool Enabled = true, string? Secret = null)
{
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
