using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class WebhookClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static WebhookClient Client(HttpClient http) =>
        new(http, Options.Create(new NotificationOptions { WebhookTimeout = TimeSpan.FromSeconds(5) }), new FakeTimeProvider(Now));

    [TestMethod]
    public async Task Send_Accepted_IsDeliveredWithItsDeliveryId()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        using var http = new HttpClient();

        var result = await Client(http).SendAsync(new WebhookTarget { Name = "slack", Url = receiver.Url }, 77, WebhookClient.BuildBody("hello"), CancellationToken.None);

        Assert.IsTrue(result.Delivered);
        Assert.HasCount(1, receiver.Bodies);
        Assert.AreEqual("application/json; charset=utf-8", receiver.ContentTypes[0]);
        Assert.AreEqual("77", receiver.Headers[0][WebhookClient.DeliveryHeader]);
        Assert.IsNull(receiver.Headers[0][WebhookSignature.SignatureHeader], "no secret, no signature");
    }

    [TestMethod]
    [DataRow(503, true)]
    [DataRow(500, true)]
    [DataRow(429, true)]
    [DataRow(408, true)]
    [DataRow(404, false)]
    [DataRow(400, false)]
    public async Task Send_Refused_SaysWhetherAnotherTryCanHelp(int status, bool retry)
    {
        await using var receiver = new LocalWebhookReceiver([status]);
        using var http = new HttpClient();

        var result = await Client(http).SendAsync(new WebhookTarget { Name = "slack", Url = receiver.Url }, 1, WebhookClient.BuildBody("hello"), CancellationToken.None);

        Assert.IsFalse(result.Delivered);
        Assert.AreEqual(retry, result.Retry);
        Assert.AreEqual(status, result.Status);
        Assert.HasCount(1, receiver.Bodies, "one try per call: the outbox worker owns the retries");
    }

    [TestMethod]
    public async Task Send_NobodyListening_IsRetryable()
    {
        using var http = new HttpClient();
        var closed = new Uri($"http://127.0.0.1:{LocalWebhookReceiver.FreePort()}/hook");

        var result = await Client(http).SendAsync(new WebhookTarget { Name = "gone", Url = closed }, 1, WebhookClient.BuildBody("hello"), CancellationToken.None);

        Assert.IsFalse(result.Delivered);
        Assert.IsTrue(result.Retry);
    }

    [TestMethod]
    public async Task Send_WithASecret_SignsTimestampDotBodyWithHmacSha256()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        using var http = new HttpClient();
        var body = WebhookClient.BuildBody("signed <b>text</b>");

        await Client(http).SendAsync(new WebhookTarget { Name = "slack", Url = receiver.Url, Secret = "s3cret" }, 5, body, CancellationToken.None);

        var headers = receiver.Headers.Single();
        var timestamp = headers[WebhookSignature.TimestampHeader]!;
        Assert.AreEqual(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes("s3cret"));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(timestamp + "." + receiver.Bodies.Single())));
        Assert.AreEqual(expected, headers[WebhookSignature.SignatureHeader]);
        Assert.IsTrue(WebhookSignature.Verify("s3cret", timestamp, receiver.Bodies.Single(), expected));
        Assert.IsFalse(WebhookSignature.Verify("other", timestamp, receiver.Bodies.Single(), expected));
        Assert.IsFalse(WebhookSignature.Verify("s3cret", timestamp, receiver.Bodies.Single() + " ", expected), "a changed body fails");
    }

    [TestMethod]
    public async Task Send_StrangerText_ArrivesAsEscapedJsonText()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        using var http = new HttpClient();
        const string hostile = "\"}<!channel> <script>alert(1)</script> & more\n{\"text\":\"x\"}";

        await Client(http).SendAsync(new WebhookTarget { Name = "slack", Url = receiver.Url }, 1, WebhookClient.BuildBody(hostile), CancellationToken.None);

        using var json = JsonDocument.Parse(receiver.Bodies.Single());
        Assert.AreEqual(1, json.RootElement.EnumerateObject().Count());
        Assert.AreEqual(
            "\"}&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more\n{\"text\":\"x\"}",
            json.RootElement.GetProperty("text").GetString());
        Assert.DoesNotContain("<", receiver.Bodies.Single());
    }

    [TestMethod]
    [DataRow(1, null, 1.0)]
    [DataRow(3, null, 4.0)]
    [DataRow(10, null, 60.0)]
    [DataRow(1, 30.0, 30.0)]
    [DataRow(1, 600.0, 60.0)]
    public void BackOff_DoublesHonoursRetryAfterAndIsCapped(int attempt, double? retryAfterSeconds, double expectedSeconds)
    {
        var retryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        var delay = WebhookClient.BackOff(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), retryAfter);

        Assert.AreEqual(TimeSpan.FromSeconds(expectedSeconds), delay);
    }
}
