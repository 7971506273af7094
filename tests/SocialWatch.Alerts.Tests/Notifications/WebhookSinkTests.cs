using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class WebhookSinkTests
{
    [TestMethod]
    public async Task Deliver_PostsOnlyToWebhooksWhoseFiltersMatch()
    {
        var outbox = new RecordingOutbox();
        var options = Options.Create(new NotificationOptions
        {
            Webhooks =
            [
                new() { Name = "pr", Url = new Uri("https://hooks.example/pr"), MinPriority = AlertPriority.High },
                new() { Name = "globex", Url = new Uri("https://hooks.example/globex"), MinPriority = AlertPriority.Low, Brands = ["globex"] },
            ],
            DashboardBaseUrl = new Uri("https://socialwatch.example/"),
        });
        var sink = new WebhookSink(outbox, new FixedWebhooks([]), options);

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), CancellationToken.None);
        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Normal), CancellationToken.None);
        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Changed, AlertPriority.Urgent), CancellationToken.None);

        var message = outbox.Messages.Single();
        Assert.AreEqual("config:pr", message.Target);
        Assert.AreEqual(NotificationChannels.Webhook, message.Channel);
        Assert.DoesNotContain("hooks.example", message.Payload, "the secret URL stays out of the database row");
        using var json = System.Text.Json.JsonDocument.Parse(message.Payload);
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("https://socialwatch.example/alerts/42", text);
        Assert.Contains("@bob: &lt;b&gt;my bag&lt;/b&gt; &amp; \"more\"", text);
    }

    [TestMethod]
    public async Task Deliver_AlsoPostsToEnabledWebhooksAddedByAdmins()
    {
        var outbox = new RecordingOutbox();
        var options = Options.Create(new NotificationOptions());
        var stored = new FixedWebhooks(
        [
            new StoredWebhook(1, "teams", new Uri("https://hooks.example/teams"), AlertPriority.Low, []),
            new StoredWebhook(2, "old", new Uri("https://hooks.example/old"), AlertPriority.Low, [], Enabled: false),
        ]);
        var sink = new WebhookSink(outbox, stored, options);

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.SpikeDetected, AlertPriority.High), CancellationToken.None);

        Assert.AreEqual("stored:1", outbox.Messages.Single().Target);
    }

    internal sealed class FixedWebhooks(IReadOnlyList<StoredWebhook> webhooks) : IWebhookStore
    {
        public Task<IReadOnlyList<StoredWebhook>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(webhooks);

        public Task<StoredWebhook> SaveAsync(StoredWebhook webhook, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(long id, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
