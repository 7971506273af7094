using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Retention;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Tests.WorkflowStorage;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Routing;
using SocialWatch.Storage.Sqlite;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Alerts.Tests.Registration;

[TestClass]
public sealed class AlertsRegistrationTests
{
    [TestMethod]
    public void AddSocialWatchAlerts_ResolvesEveryEntryPointHostNeeds()
    {
        using var services = WorkflowServices.Build("Sqlite", "Data Source=unused-registration.db", new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["Alerts:Sla:WarnBefore"] = "00:20:00",
            ["Alerts:Notifications:Webhooks:0:Name"] = "slack",
            ["Alerts:Notifications:Webhooks:0:Url"] = "https://hooks.example/T1/B1",
        });

        var resolved = new object[]
        {
            services.GetRequiredService<IMentionsStoredHandler>(),
            services.GetRequiredService<IAlertEventStream>(),
            services.GetRequiredService<ClaimAlert>(),
            services.GetRequiredService<AcknowledgeAlert>(),
            services.GetRequiredService<RespondToAlert>(),
            services.GetRequiredService<ResolveAlert>(),
            services.GetRequiredService<DismissAlert>(),
            services.GetRequiredService<RecordPromise>(),
            services.GetRequiredService<MarkPromiseKept>(),
            services.GetRequiredService<EraseAuthorData>(),
            services.GetRequiredService<SlaSweepJob>(),
            services.GetRequiredService<PromiseCheckJob>(),
            services.GetRequiredService<SpikeDetectionJob>(),
            services.GetRequiredService<RetentionPurgeJob>(),
            services.GetRequiredService<IRoutingRuleStore>(),
        };

        Assert.IsInstanceOfType<MentionRouter>(resolved[0]);
        Assert.IsInstanceOfType<SqlRoutingRuleStore>(resolved[^1]);
        Assert.AreEqual(TimeSpan.FromMinutes(20), services.GetRequiredService<IOptions<SlaOptions>>().Value.WarnBefore);
        Assert.AreEqual("slack", services.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhooks.Single().Name);
        Assert.IsTrue(services.GetServices<IHostedService>().OfType<NotificationWorker>().Any());
        Assert.AreSame(services.GetRequiredService<IAlertNotifier>(), services.GetRequiredService<ChannelAlertNotifier>());
    }

    [TestMethod]
    public void AddSocialWatchAlerts_TheLiveStreamHearsThroughTheRelay_TheOtherSinksAsBefore()
    {
        using var services = WorkflowServices.Build("Sqlite", "Data Source=unused-registration.db", new FakeTimeProvider());

        var sinks = services.GetServices<IAlertEventSink>().ToList();

        Assert.IsEmpty(sinks.OfType<AlertEventStream>(), "the stream is fed only by the relay, so nothing reaches it twice");
        Assert.AreSame(services.GetRequiredService<LiveAlertRelay>(), sinks.OfType<LiveAlertRelay>().Single());
        Assert.HasCount(1, sinks.OfType<WebhookSink>());
        Assert.HasCount(1, sinks.OfType<CriticalEmailSink>());
        Assert.HasCount(3, sinks);
        Assert.IsEmpty(services.GetServices<IHostedService>().OfType<AlertChangeTail>(), "only web hosts tail the changes");
    }

    [TestMethod]
    public void AddLiveAlertTail_RunsOneTail_ReadingTheConfiguredDialect()
    {
        using var services = WorkflowServices.Build(
            "Sqlite", "Data Source=unused-registration.db", new FakeTimeProvider(), configure: s => s.AddLiveAlertTail().AddLiveAlertTail());

        var tail = services.GetServices<IHostedService>().OfType<AlertChangeTail>().Single();

        Assert.AreSame(services.GetRequiredService<AlertChangeTail>(), tail);
        Assert.IsInstanceOfType<SqlAlertChangeLog>(services.GetRequiredService<IAlertChangeLog>());
    }

    [TestMethod]
    [DataRow("Alerts:Spikes:MinRatio", "0.5", "MinRatio")]
    [DataRow("Alerts:Sla:MinTighteningFactor", "2", "MinTighteningFactor")]
    [DataRow("Alerts:Notifications:Webhooks:0:Url", "ftp://hooks.example/x", "Webhooks")]
    [DataRow("Alerts:Notifications:LiveTailInterval", "00:05:00", "LiveTailInterval")]
    [DataRow("Alerts:Notifications:LiveTailBatch", "0", "LiveTailBatch")]
    public void AddSocialWatchAlerts_InvalidSettings_FailWithTheSettingNamed(string key, string value, string expected)
    {
        using var services = WorkflowServices.Build("Sqlite", "Data Source=unused-registration.db", new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["Alerts:Notifications:Webhooks:0:Name"] = "slack",
            ["Alerts:Notifications:Webhooks:0:Url"] = "https://hooks.example/T1/B1",
            [key] = value,
        });

        var error = Assert.ThrowsExactly<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<SpikeOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SlaOptions>>().Value;
            _ = services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        });

        Assert.Contains(expected, error.Message);
    }
}
