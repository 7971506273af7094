using System.Security.Cryptography;
using System.Text;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// HMAC-SHA256 over <c>timestamp + "." + body</c> with the webhook's secret, sent as
/// <c>X-SocialWatch-Signature: sha256=&lt;hex&gt;</c> beside <c>X-SocialWatch-Timestamp</c> (unix seconds). The timestamp is
/// signed too, so a receiver that refuses old timestamps cannot be fed a recorded request again.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-SocialWatch-Timestamp";

    public const string SignatureHeader = "X-SocialWatch-Signature";

    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
