using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Alerts.Notifications;

/// <summary>An e-mail as an outbox row keeps it: built once when the alert changed, sent as it was then.</summary>
internal static class OutboxJson
{
    public static string Serialize(EmailMessage message) => JsonSerializer.Serialize(message, OutboxJsonContext.Default.EmailMessage);

    public static EmailMessage DeserializeEmail(string payload) =>
        JsonSerializer.Deserialize(payload, OutboxJsonContext.Default.EmailMessage)
        ?? throw new JsonException("The outbox row holds no e-mail.");
}

[JsonSerializable(typeof(EmailMessage))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
