using Microsoft.Extensions.Options;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Posts the events people act on (new, reopened, breached, broken promise, spike) to the configured webhooks and to
/// those admins added in the UI.
/// </summary>
public sealed class WebhookSink(WebhookClient client, IWebhookStore stored, IOptions<NotificationOptions> options) : IAlertEventSink
{
    public async Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        if (alertEvent.Kind is AlertEventKind.Changed or AlertEventKind.SlaWarning)
        {
            return;
        }

        var o = options.Value;
        string? text = null;
        var fromStore = await stored.ListAsync(cancellationToken);
        foreach (var target in o.Webhooks.Concat(fromStore.Where(w => w.Enabled).Select(w => w.ToTarget())))
        {
            if (alertEvent.Alert.Priority < target.MinPriority
                || (target.Brands.Count > 0 && !target.Brands.Contains(alertEvent.Alert.Brand, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            text ??= AlertMessageText.Compose(alertEvent, o.DashboardBaseUrl);
            await client.PostAsync(target, alertEvent.Alert.Id, text, cancellationToken);
        }
    }
}
