using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class WebhookSinkTests
{
    [TestMethod]
    public async Task Deliver_PostsOnlyToWebhooksWhoseFiltersMatch()
    {
        await using var pr = new LocalWebhookReceiver([]);
        await using var globex = new LocalWebhookReceiver([]);
        using var http = new HttpClient();
        var options = Options.Create(new NotificationOptions
        {
            Webhooks =
            [
                new() { Name = "pr", Url = pr.Url, MinPriority = AlertPriority.High },
                new() { Name = "globex", Url = globex.Url, MinPriority = AlertPriority.Low, Brands = ["globex"] },
            ],
            DashboardBaseUrl = new Uri("https://socialwatch.example/"),
        });
        var sink = new WebhookSink(new WebhookClient(http, options, TimeProvider.System, NullLogger<WebhookClient>.Instance), new FixedWebhooks([]), options);

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), CancellationToken.None);
        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Normal), CancellationToken.None);
        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Changed, AlertPriority.Urgent), CancellationToken.None);

        Assert.HasCount(1, pr.Bodies);
        Assert.IsEmpty(globex.Bodies);
        using var json = System.Text.Json.JsonDocument.Parse(pr.Bodies[0]);
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("https://socialwatch.example/alerts/42", text);
        Assert.Contains("@bob: &lt;b&gt;my bag&lt;/b&gt; &amp; \"more\"", text);
    }

    [TestMethod]
    public async Task Deliver_AlsoPostsToEnabledWebhooksAddedByAdmins()
    {
        await using var added = new LocalWebhookReceiver([]);
        await using var disabled = new LocalWebhookReceiver([]);
        using var http = new HttpClient();
        var options = Options.Create(new NotificationOptions());
        var stored = new FixedWebhooks(
        [
            new StoredWebhook(1, "teams", added.Url, AlertPriority.Low, []),
            new StoredWebhook(2, "old", disabled.Url, AlertPriority.Low, [], Enabled: false),
        ]);
        var sink = new WebhookSink(new WebhookClient(http, options, TimeProvider.System, NullLogger<WebhookClient>.Instance), stored, options);

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.SpikeDetected, AlertPriority.High), CancellationToken.None);

        Assert.HasCount(1, added.Bodies);
        Assert.IsEmpty(disabled.Bodies);
    }

    private sealed class FixedWebhooks(IReadOnlyList<StoredWebhook> webhooks) : IWebhookStore
    {
        public Task<IReadOnlyList<StoredWebhook>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(webhooks);

        public Task<StoredWebhook> SaveAsync(StoredWebhook webhook, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(long id, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
