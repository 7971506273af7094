using Microsoft.Extensions.Options;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Records in the outbox a post for each webhook that wants the event (new, reopened, breached, broken promise,
/// spike): the configured webhooks and those admins added. The <see cref="NotificationOutboxWorker"/> sends them.
/// </summary>
public sealed class WebhookSink(INotificationOutbox outbox, IWebhookStore stored, IOptions<NotificationOptions> options) : IOutboxAlertEventSink
{
    private const string ConfiguredPrefix = "config:";
    private const string StoredPrefix = "stored:";

    public async Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync((await ComposeAsync([alertEvent], cancellationToken))[0], cancellationToken);

    public async Task<IReadOnlyList<IReadOnlyList<OutboxMessage>>> ComposeAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Key, WebhookTarget Target)>? targets = null;
        var composed = new List<IReadOnlyList<OutboxMessage>>(events.Count);
        foreach (var alertEvent in events)
        {
            if (alertEvent.Kind is AlertEventKind.Changed or AlertEventKind.SlaWarning)
            {
                composed.Add([]);
                continue;
            }

            targets ??= await TargetsAsync(stored, options.Value, cancellationToken);
            composed.Add(Compose(alertEvent, targets));
        }

        return composed;
    }

    private List<OutboxMessage> Compose(AlertEvent alertEvent, IReadOnlyList<(string Key, WebhookTarget Target)> targets)
    {
        var o = options.Value;
        string? body = null;
        var messages = new List<OutboxMessage>();
        foreach (var (key, target) in targets)
        {
            if (alertEvent.Alert.Priority < target.MinPriority
                || (target.Brands.Count > 0 && !target.Brands.Contains(alertEvent.Alert.Brand, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            body ??= WebhookClient.BuildBody(AlertMessageText.Compose(alertEvent, o.DashboardBaseUrl));
            messages.Add(new OutboxMessage(NotificationChannels.Webhook, key, alertEvent.Alert.Id, body));
        }

        return messages;
    }

    /// <summary>An admin-added webhook as the sink posts to it.</summary>
    public static WebhookTarget ToTarget(StoredWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new() { Name = webhook.Name, Url = webhook.Url, MinPriority = webhook.MinPriority, Brands = [.. webhook.Brands], Secret = webhook.Secret };
    }

    /// <summary>Every webhook that is on, by the key an outbox row names it with (its URL and secret stay out of the row).</summary>
    public static async Task<IReadOnlyList<(string Key, WebhookTarget Target)>> TargetsAsync(IWebhookStore stored, NotificationOptions options, CancellationToken cancellationToken)
    {
        var fromStore = await stored.ListAsync(cancellationToken);
        return
        [
            .. options.Webhooks.Select(w => (ConfiguredPrefix + w.Name, w)),
            .. fromStore.Where(w => w.Enabled).Select(w => (StoredPrefix + w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ToTarget(w))),
        ];
    }
}
