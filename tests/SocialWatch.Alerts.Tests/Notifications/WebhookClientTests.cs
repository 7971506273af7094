using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class WebhookClientTests
{
    private static readonly NotificationOptions FastRetries = new()
    {
        WebhookMaxAttempts = 4,
        WebhookFirstRetryDelay = TimeSpan.FromMilliseconds(10),
        WebhookMaxRetryDelay = TimeSpan.FromMilliseconds(40),
        WebhookTimeout = TimeSpan.FromSeconds(5),
    };

    private static WebhookClient Client(HttpClient http) => new(http, Options.Create(FastRetries), TimeProvider.System, NullLogger<WebhookClient>.Instance);

    [TestMethod]
    public async Task Post_ServerFailsThenAccepts_RetriesAndDelivers()
    {
        await using var receiver = new LocalWebhookReceiver([503, 500, 429]);
        using var http = new HttpClient();

        var delivered = await Client(http).PostAsync(new WebhookTarget { Name = "slack", Url = receiver.Url }, 1, "hello", CancellationToken.None);

        Assert.IsTrue(delivered);
        Assert.HasCount(4, receiver.Bodies);
        Assert.AreEqual("application/json; charset=utf-8", receiver.ContentTypes[0]);
    }

    [TestMethod]
    public async Task Post_ServerKeepsFailing_GivesUpAfterMaxAttempts()
    {
        await using var receiver = new LocalWebhookReceiver([], thenStatus: 502);
        using var http = new HttpClient();

        var delivered = await Client(http).PostAsync(new WebhookTarget { Name = "slack", Url = receiver.Url }, 1, "hello", CancellationToken.None);

        Assert.IsFalse(delivered);
        Assert.HasCount(4, receiver.Bodies);
    }

    [TestMethod]
    public async Task Post_ClientError_IsNotRetried()
    {
        await using var receiver = new LocalWebhookReceiver([404]);
        using var http = new HttpClient();

        var delivered = await Client(http).PostAsync(new WebhookTarget { Name = "teams", Url = receiver.Url }, 1, "hello", CancellationToken.None);

        Assert.IsFalse(delivered);
        Assert.HasCount(1, receiver.Bodies);
    }

    [TestMethod]
    public async Task Post_NobodyListening_ReturnsFalseAfterRetries()
    {
        using var http = new HttpClient();
        var closed = new Uri($"http://127.0.0.1:{LocalWebhookReceiver.FreePort()}/hook");

        var delivered = await Client(http).PostAsync(new WebhookTarget { Name = "gone", Url = closed }, 1, "hello", CancellationToken.None);

        Assert.IsFalse(delivered);
    }

    [TestMethod]
    public async Task Post_StrangerText_ArrivesAsEscapedJsonText()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        using var http = new HttpClient();
        const string hostile = "\"}<!channel> <script>alert(1)</script> & more\n{\"text\":\"x\"}";

        await Client(http).PostAsync(new WebhookTarget { Name = "slack", Url = receiver.Url }, 1, hostile, CancellationToken.None);

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
