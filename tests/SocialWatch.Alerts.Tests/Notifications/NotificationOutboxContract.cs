using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Alerts.Tests.WorkflowStorage;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>
/// The notification outbox end to end on each dialect: the sinks record rows, the outbox workers of one or two
/// "hosts" (service providers on the same database) claim and send them to a receiver on 127.0.0.1.
/// </summary>
public abstract class NotificationOutboxContract : StoreContract
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>More than the 10,000 events the old in-memory queue held before it dropped the oldest.</summary>
    protected virtual int BurstSize => 12_000;

    [TestMethod]
    public async Task Outbox_ABurstOfThousandsOfAlerts_ReachesTheReceiverExactlyOnceAcrossTwoHosts()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        var settings = Settings(receiver.Url);
        settings["Alerts:Notifications:OutboxPollInterval"] = "00:00:00.020";
        settings["Alerts:Notifications:OutboxBatch"] = "200";
        await using var hostA = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings);
        await using var hostB = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings);
        IHostedService[] workers =
        [
            hostA.GetServices<IHostedService>().OfType<NotificationWorker>().Single(),
            hostA.GetRequiredService<NotificationOutboxWorker>(),
            hostB.GetRequiredService<NotificationOutboxWorker>(),
        ];
        foreach (var worker in workers)
        {
            await worker.StartAsync(TestContext.CancellationToken);
        }

        var notifier = hostA.GetRequiredService<IAlertNotifier>();
        var template = NotificationTestData.Event(AlertEventKind.Created, AlertPriority.High);
        for (var id = 1; id <= BurstSize; id++)
        {
            notifier.Publish(template with { Alert = template.Alert with { Id = id } });
        }

        await receiver.WaitForCountAsync(BurstSize, TimeSpan.FromMinutes(5), TestContext.CancellationToken);
        var outbox = hostA.GetRequiredService<INotificationOutbox>();
        while (await outbox.CountPendingAsync(TestContext.CancellationToken) > 0)
        {
            await Task.Delay(50, TestContext.CancellationToken);
        }

        foreach (var worker in workers)
        {
            await worker.StopAsync(TestContext.CancellationToken);
        }

        List<string> deliveries;
        List<string> alerts;
        lock (receiver.Bodies)
        {
            deliveries = [.. receiver.Headers.Select(h => h[WebhookClient.DeliveryHeader]!)];
            alerts = [.. receiver.Bodies.Select(b => System.Text.RegularExpressions.Regex.Match(b, @"alert #(\d+)").Groups[1].Value)];
        }

        Assert.HasCount(BurstSize, deliveries, "every alert once, none twice");
        Assert.HasCount(BurstSize, deliveries.Distinct());
        Assert.HasCount(BurstSize, alerts.Distinct());
        TestContext.WriteLine($"alerts {BurstSize}, delivered {deliveries.Count}, duplicated {deliveries.Count - deliveries.Distinct().Count()}");
    }

    [TestMethod]
    public async Task Outbox_ReceiverAnswers500Then200_DeliversItOnTheRetryAfterTheBackOff()
    {
        await using var receiver = new LocalWebhookReceiver([500]);
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, Time, Settings(receiver.Url));
        var worker = host.GetRequiredService<NotificationOutboxWorker>();
        var outbox = host.GetRequiredService<INotificationOutbox>();
        await Sink(host).DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);

        var firstTry = await worker.DeliverDueAsync(None);
        var beforeTheBackOff = await worker.DeliverDueAsync(None);
        Time.Advance(TimeSpan.FromSeconds(2));
        var retry = await worker.DeliverDueAsync(None);

        Assert.AreEqual(1, firstTry);
        Assert.AreEqual(0, beforeTheBackOff, "not due again before the first retry delay");
        Assert.AreEqual(1, retry);
        Assert.HasCount(2, receiver.Bodies);
        Assert.AreEqual(receiver.Headers[0][WebhookClient.DeliveryHeader], receiver.Headers[1][WebhookClient.DeliveryHeader], "the same delivery, tried twice");
        Assert.AreEqual(0, await outbox.CountPendingAsync(None));
    }

    [TestMethod]
    public async Task DeliveryLog_ReceiverAnswers500Then200_RecordsTheFailureWithItsStatusAndThenTheDelivery()
    {
        await using var receiver = new LocalWebhookReceiver([500]);
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, Time, Settings(receiver.Url));
        var worker = host.GetRequiredService<NotificationOutboxWorker>();
        var log = host.GetRequiredService<INotificationDeliveryLog>();
        await Sink(host).DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);
        var failedAt = Time.GetUtcNow();

        await worker.DeliverDueAsync(None);
        var afterFailure = (await log.SummarizeAsync(failedAt - TimeSpan.FromHours(24), None)).Single();
        Time.Advance(TimeSpan.FromSeconds(2));
        await worker.DeliverDueAsync(None);
        var afterDelivery = (await log.SummarizeAsync(failedAt - TimeSpan.FromHours(24), None)).Single();

        Assert.AreEqual((NotificationChannels.Webhook, "config:care-room"), (afterFailure.Channel, afterFailure.Target));
        Assert.AreEqual(DeliveryOutcome.Retrying, afterFailure.LastAttempt!.Outcome);
        Assert.AreEqual(500, afterFailure.LastAttempt.Status);
        Assert.AreEqual(failedAt, afterFailure.LastAttempt.At);
        Assert.AreEqual(failedAt + TimeSpan.FromSeconds(2), afterFailure.LastAttempt.RetryAt, "retried after the first back-off");
        StringAssert.Contains(afterFailure.LastFailure!.Error, "answered 500");
        Assert.IsNull(afterFailure.LastDeliveredAt);
        Assert.AreEqual((0L, 1L, 1L, 0L), (afterFailure.DeliveredSince, afterFailure.FailedSince, afterFailure.Pending, afterFailure.GivenUp));

        Assert.AreEqual(DeliveryOutcome.Delivered, afterDelivery.LastAttempt!.Outcome);
        Assert.AreEqual(200, afterDelivery.LastAttempt.Status);
        Assert.AreEqual(failedAt + TimeSpan.FromSeconds(2), afterDelivery.LastDeliveredAt);
        Assert.AreEqual(500, afterDelivery.LastFailure!.Status, "the last failure stays after a delivery");
        Assert.AreEqual(failedAt, afterDelivery.LastFailure.At);
        Assert.AreEqual((1L, 1L, 0L, 0L), (afterDelivery.DeliveredSince, afterDelivery.FailedSince, afterDelivery.Pending, afterDelivery.GivenUp));
    }

    [TestMethod]
    public async Task DeliveryLog_GivenUpRowRetriedByAnAdmin_IsDueAgainAuditedAndDelivered()
    {
        await using var receiver = new LocalWebhookReceiver([404]);
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, Time, Settings(receiver.Url));
        var worker = host.GetRequiredService<NotificationOutboxWorker>();
        var log = host.GetRequiredService<INotificationDeliveryLog>();
        await Sink(host).DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);
        await worker.DeliverDueAsync(None);
        var givenUp = (await log.ListGivenUpAsync(10, None)).Single();
        var whileGivenUp = (await log.SummarizeAsync(Time.GetUtcNow() - TimeSpan.FromHours(24), None)).Single();

        Time.Advance(TimeSpan.FromMinutes(10));
        var retried = await log.RetryGivenUpAsync(givenUp.Id, Time.GetUtcNow(), "admin@acme.test", None);
        var again = await log.RetryGivenUpAsync(givenUp.Id, Time.GetUtcNow(), "admin@acme.test", None);
        var sent = await worker.DeliverDueAsync(None);
        var afterRetry = (await log.SummarizeAsync(Time.GetUtcNow() - TimeSpan.FromHours(24), None)).Single();

        Assert.AreEqual(("config:care-room", 1), (givenUp.Target, givenUp.Attempts));
        StringAssert.Contains(givenUp.LastError, "answered 404");
        Assert.AreEqual(DeliveryOutcome.GaveUp, whileGivenUp.LastAttempt!.Outcome);
        Assert.AreEqual(404, whileGivenUp.LastAttempt.Status);
        Assert.AreEqual((0L, 1L), (whileGivenUp.Pending, whileGivenUp.GivenUp));
        Assert.IsTrue(retried);
        Assert.IsFalse(again, "a row that is due again is not given up any more");
        Assert.AreEqual(1, sent);
        Assert.HasCount(2, receiver.Bodies);
        Assert.IsEmpty(await log.ListGivenUpAsync(10, None));
        Assert.AreEqual(DeliveryOutcome.Delivered, afterRetry.LastAttempt!.Outcome);
        Assert.AreEqual((0L, 0L), (afterRetry.Pending, afterRetry.GivenUp));
        var audit = (await host.GetRequiredService<SocialWatch.Core.Access.IAdminAuditStore>().GetLatestAsync(10, None)).Single(e => e.Area == "notification");
        Assert.AreEqual(("admin@acme.test", "retry", givenUp.Id.ToString(CultureInfo.InvariantCulture)), (audit.Actor, audit.Action, audit.Subject));
        StringAssert.Contains(audit.Detail, "config:care-room");
        Assert.DoesNotContain(receiver.Url.AbsolutePath, audit.Detail!, "the webhook's URL stays out of the audit");
    }

    [TestMethod]
    public async Task DeliveryLog_CountsOnlyTriesSinceTheWindow_AndPruneDeletesOnlyOlderOnes()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, Time, Settings(receiver.Url));
        var worker = host.GetRequiredService<NotificationOutboxWorker>();
        var log = host.GetRequiredService<INotificationDeliveryLog>();
        await Sink(host).DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);
        await worker.DeliverDueAsync(None);
        var firstAt = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromHours(30));
        await Sink(host).DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);
        await worker.DeliverDueAsync(None);

        var recent = (await log.SummarizeAsync(Time.GetUtcNow() - TimeSpan.FromHours(24), None)).Single();
        var pruned = await log.PruneAsync(firstAt + TimeSpan.FromHours(1), None);
        var afterPrune = (await log.SummarizeAsync(firstAt - TimeSpan.FromHours(1), None)).Single();

        Assert.AreEqual(1, recent.DeliveredSince, "the delivery 30 hours ago is outside the last 24 hours");
        Assert.AreEqual(Time.GetUtcNow(), recent.LastDeliveredAt);
        Assert.AreEqual(1, pruned);
        Assert.AreEqual(1, afterPrune.DeliveredSince, "only the newer try is left");
    }

    [TestMethod]
    public async Task Outbox_ReceiverSaysTheHookIsGone_GivesUpAtOnceAndNeverTriesAgain()
    {
        await using var receiver = new LocalWebhookReceiver([], thenStatus: 404);
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, Time, Settings(receiver.Url));
        var worker = host.GetRequiredService<NotificationOutboxWorker>();
        await Sink(host).DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);

        await worker.DeliverDueAsync(None);
        Time.Advance(TimeSpan.FromHours(1));
        var later = await worker.DeliverDueAsync(None);

        Assert.HasCount(1, receiver.Bodies);
        Assert.AreEqual(0, later);
        Assert.AreEqual(0, await host.GetRequiredService<INotificationOutbox>().CountPendingAsync(None));
    }

    [TestMethod]
    public async Task Outbox_RowsOfAHostThatDiedMidSend_AreSentByAnotherOnceTheLeaseEnds()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, Time, Settings(receiver.Url));
        var outbox = host.GetRequiredService<INotificationOutbox>();
        var worker = host.GetRequiredService<NotificationOutboxWorker>();
        await Sink(host).DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);
        var died = await outbox.ClaimAsync(Time.GetUtcNow(), TimeSpan.FromMinutes(5), 10, None);

        var whileLeased = await worker.DeliverDueAsync(None);
        Time.Advance(TimeSpan.FromMinutes(5));
        var afterLease = await worker.DeliverDueAsync(None);

        Assert.HasCount(1, died);
        Assert.AreEqual(0, whileLeased, "a live claim is not taken over");
        Assert.AreEqual(1, afterLease);
        Assert.HasCount(1, receiver.Bodies);
    }

    [TestMethod]
    public async Task Outbox_CriticalEmail_IsSentThroughTheMailServerOnce()
    {
        await using var host = WorkflowServices.Build(
            Database.Provider.ToString(),
            Database.ConnectionString,
            Time,
            new Dictionary<string, string?> { ["Alerts:Notifications:CriticalEmailTo:0"] = "oncall@acme.test" });
        var worker = host.GetRequiredService<NotificationOutboxWorker>();
        var email = host.GetServices<IAlertEventSink>().OfType<CriticalEmailSink>().Single();
        await email.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Urgent), None);

        await worker.DeliverDueAsync(None);
        await worker.DeliverDueAsync(None);

        var sent = ((RecordingEmailSender)host.GetRequiredService<IEmailSender>()).Sent;
        Assert.HasCount(1, sent);
        Assert.AreEqual("oncall@acme.test", sent[0].To.Single());
        StringAssert.Contains(sent[0].HtmlBody, "&lt;b&gt;my bag&lt;/b&gt;");
    }

    [TestMethod]
    public async Task Announcement_OfAnAlertStoredByAHostThatDiedBeforeItsOutboxRows_ReachesTheReceiverOnceFromAnotherHost()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        var settings = RecoverySettings(receiver.Url);
        Alert stored;
        await using (var died = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings))
        {
            // The alert commits; the host is killed before its queue reaches the outbox, so nothing is published.
            stored = await died.GetRequiredService<IAlertStore>().CreateAsync(NewAlert("left behind by a dead host"), None);
        }

        await using var survivor = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings);
        var services = survivor.GetServices<IHostedService>().ToList();
        foreach (var service in services)
        {
            await service.StartAsync(TestContext.CancellationToken);
        }

        await receiver.WaitForCountAsync(1, TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        var again = await survivor.GetRequiredService<AlertAnnouncementRecovery>().RecoverAsync(None);
        foreach (var service in services)
        {
            await service.StopAsync(TestContext.CancellationToken);
        }

        Assert.AreEqual(0, again, "announced once");
        Assert.HasCount(1, receiver.Bodies);
        StringAssert.Contains(receiver.Bodies[0], "alert #" + stored.Id.ToString(CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task Announcement_ByTheQueueAndByAnotherHostsRecoveryAtOnce_ReachesTheReceiverOncePerAlert()
    {
        const int count = 300;
        await using var receiver = new LocalWebhookReceiver([]);
        var settings = RecoverySettings(receiver.Url);
        await using var hostA = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings);
        await using var hostB = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings);
        var store = hostA.GetRequiredService<IAlertStore>();
        var alerts = new List<Alert>();
        for (var i = 0; i < count; i++)
        {
            alerts.Add(await store.CreateAsync(NewAlert("raced " + i), None));
        }

        var services = hostA.GetServices<IHostedService>().Concat(hostB.GetServices<IHostedService>()).ToList();
        foreach (var service in services)
        {
            await service.StartAsync(TestContext.CancellationToken);
        }

        var notifier = hostA.GetRequiredService<IAlertNotifier>();
        foreach (var alert in alerts)
        {
            notifier.Publish(new AlertEvent(AlertEventKind.Created, alert, alert.CreatedAt, "routing", "rule"));
        }

        await receiver.WaitForCountAsync(count, TimeSpan.FromMinutes(2), TestContext.CancellationToken);
        foreach (var service in services)
        {
            await service.StopAsync(TestContext.CancellationToken);
        }

        var recoveredLater = await hostB.GetRequiredService<AlertAnnouncementRecovery>().RecoverAsync(None);
        var sentLater = await hostB.GetRequiredService<NotificationOutboxWorker>().DeliverDueAsync(None);
        List<string> announced;
        lock (receiver.Bodies)
        {
            announced = [.. receiver.Bodies.Select(b => System.Text.RegularExpressions.Regex.Match(b, @"alert #(\d+)").Groups[1].Value)];
        }

        Assert.AreEqual(0, recoveredLater);
        Assert.AreEqual(0, sentLater, "nothing left in the outbox");
        Assert.HasCount(count, announced, "one webhook per alert, none twice");
        CollectionAssert.AreEquivalent(alerts.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToArray(), announced.ToArray());
    }

    [TestMethod]
    public async Task AnnounceAll_WritesTheNewOnesWithTheirRows_AndFindAnnouncedReadsThemBackByPrefix()
    {
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System);
        var outbox = host.GetRequiredService<INotificationOutbox>();
        var store = host.GetRequiredService<IAlertStore>();
        var a = await store.CreateAsync(NewAlert("a"), None);
        var b = await store.CreateAsync(NewAlert("b"), None);
        var due = a.CreatedAt.AddHours(1);
        var warning = AnnouncementKeys.Sla(SlaDeadlineKind.FirstResponse, SlaNoticeLevel.Warning, due);
        var breach = AnnouncementKeys.Sla(SlaDeadlineKind.Resolution, SlaNoticeLevel.Breach, due);
        await outbox.AnnounceAsync(a.Id, warning, [], None);
        var pendingBefore = await outbox.CountPendingAsync(None);

        // Out of order, one already announced, two events of one alert: each is decided on its own.
        var sent = await outbox.AnnounceAllAsync(
            [
                new Announcement(b.Id, warning, [new OutboxMessage(NotificationChannels.Webhook, "config:room", b.Id, "{}")]),
                new Announcement(a.Id, warning, [new OutboxMessage(NotificationChannels.Webhook, "config:room", a.Id, "{}")]),
                new Announcement(a.Id, breach, [new OutboxMessage(NotificationChannels.Email, NotificationChannels.Email, a.Id, "{}")]),
            ],
            None);

        // Ids beyond one statement's chunk, most of them without any announcement.
        var many = Enumerable.Range(1, 1_200).Select(i => (long)i + b.Id).Append(a.Id).Append(b.Id).ToList();
        var found = await outbox.FindAnnouncedAsync(many, AnnouncementKeys.SlaPrefix, None);
        await outbox.AnnounceAsync(a.Id, AnnouncementKeys.Raised, [], None);
        var sla = await outbox.FindAnnouncedAsync([a.Id, b.Id], AnnouncementKeys.SlaPrefix, None);

        Assert.AreEqual("True,False,True", string.Join(",", sent));
        Assert.AreEqual(pendingBefore + 2, await outbox.CountPendingAsync(None), "rows only for the events announced now");
        CollectionAssert.AreEquivalent(new[] { (a.Id, warning), (a.Id, breach), (b.Id, warning) }, found.ToArray());
        Assert.HasCount(3, sla, "a key of another kind is not an SLA notice");
        Assert.IsEmpty(await outbox.FindAnnouncedAsync([], AnnouncementKeys.SlaPrefix, None));
    }

    [TestMethod]
    public async Task Announce_IsOncePerAlertAndKey_AndFindsReopeningsNotYetAnnounced()
    {
        await using var host = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System);
        var outbox = host.GetRequiredService<INotificationOutbox>();
        var store = host.GetRequiredService<IAlertStore>();
        var alert = await store.CreateAsync(NewAlert("keyed"), None);
        var due = alert.CreatedAt.AddHours(1);
        var now = TimeProvider.System.GetUtcNow();

        var raised = await outbox.AnnounceAsync(alert.Id, AnnouncementKeys.Raised, [], None);
        var raisedAgain = await outbox.AnnounceAsync(alert.Id, AnnouncementKeys.Raised, [], None);
        var warning = await outbox.AnnounceAsync(alert.Id, AnnouncementKeys.Sla(SlaDeadlineKind.FirstResponse, SlaNoticeLevel.Warning, due), [], None);
        var moved = await outbox.AnnounceAsync(alert.Id, AnnouncementKeys.Sla(SlaDeadlineKind.FirstResponse, SlaNoticeLevel.Warning, due.AddMinutes(-30)), [], None);
        var reopened = await ReopenAsync(store, alert, 77);
        var found = await outbox.FindUnannouncedReopeningsAsync(now.AddHours(-1), now.AddHours(1), 10, None);
        var before = (await outbox.FindAnnouncedAsync([alert.Id], "reopened:", None)).Contains((alert.Id, AnnouncementKeys.Reopened(77)));
        await outbox.AnnounceAsync(alert.Id, AnnouncementKeys.Reopened(77), [], None);
        var after = (await outbox.FindAnnouncedAsync([alert.Id], "reopened:", None)).Contains((alert.Id, AnnouncementKeys.Reopened(77)));
        var foundAfter = await outbox.FindUnannouncedReopeningsAsync(now.AddHours(-1), now.AddHours(1), 10, None);

        Assert.AreEqual("True,False,True,True", string.Join(",", raised, raisedAgain, warning, moved));
        Assert.AreEqual(AlertState.New, reopened.State);
        Assert.AreEqual(new UnannouncedReopening(alert.Id, 77), found.Single(), "the reopening, not the alert's creation");
        Assert.AreEqual((false, true), (before, after));
        Assert.IsEmpty(foundAfter);
    }

    [TestMethod]
    public async Task Announcement_OfAReopeningByAHostThatDiedBeforeItsOutboxRows_ReachesTheReceiverOnceFromAnotherHost()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        var settings = RecoverySettings(receiver.Url);
        Alert reopened;
        await using (var died = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings))
        {
            // The case was raised and announced long ago; the re-complaint's reopening commits and the host is killed
            // before its queue reaches the outbox.
            var store = died.GetRequiredService<IAlertStore>();
            var alert = await store.CreateAsync(NewAlert("came back"), None);
            await died.GetRequiredService<INotificationOutbox>().AnnounceAsync(alert.Id, AnnouncementKeys.Raised, [], None);
            reopened = await ReopenAsync(store, alert, 4242);
        }

        await using var survivor = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings);
        var services = survivor.GetServices<IHostedService>().ToList();
        foreach (var service in services)
        {
            await service.StartAsync(TestContext.CancellationToken);
        }

        await receiver.WaitForCountAsync(1, TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        var again = await survivor.GetRequiredService<AlertAnnouncementRecovery>().RecoverAsync(None);
        foreach (var service in services)
        {
            await service.StopAsync(TestContext.CancellationToken);
        }

        Assert.AreEqual(0, again, "announced once");
        Assert.HasCount(1, receiver.Bodies);
        StringAssert.Contains(receiver.Bodies[0], "alert #" + reopened.Id.ToString(CultureInfo.InvariantCulture));
        StringAssert.Contains(receiver.Bodies[0], "reopened");
    }

    [TestMethod]
    public async Task SlaBreach_SweptByAHostThatDiedBeforeItsQueueDrained_ReachesTheReceiverOnce()
    {
        await using var receiver = new LocalWebhookReceiver([]);
        var settings = RecoverySettings(receiver.Url);
        Alert late;
        await using (var died = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings))
        {
            var now = TimeProvider.System.GetUtcNow();
            late = await died.GetRequiredService<IAlertStore>().CreateAsync(
                NewAlert("nobody answered") with { CreatedAt = now.AddHours(-2), FirstResponseDueAt = now.AddMinutes(-5), ResolveDueAt = now.AddHours(6) }, None);
            await died.GetRequiredService<INotificationOutbox>().AnnounceAsync(late.Id, AnnouncementKeys.Raised, [], None);

            // The sweep sees the breach; the host dies before its in-memory queue is read (no hosted service runs here).
            await died.GetRequiredService<SlaSweepJob>().RunAsync(None);
        }

        await using var survivor = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, TimeProvider.System, settings);
        await survivor.GetRequiredService<SlaSweepJob>().RunAsync(None);
        var sent = await survivor.GetRequiredService<NotificationOutboxWorker>().DeliverDueAsync(None);
        var sentAgain = await survivor.GetRequiredService<NotificationOutboxWorker>().DeliverDueAsync(None);

        Assert.AreEqual((1, 0), (sent, sentAgain), "the breach went out once, from the rows the dead host's sweep wrote");
        Assert.HasCount(1, receiver.Bodies);
        StringAssert.Contains(receiver.Bodies[0], "alert #" + late.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Resolves the case, then reopens it as a re-complaint in mention <paramref name="mentionId"/> does.</summary>
    private static async Task<Alert> ReopenAsync(IAlertStore store, Alert alert, long mentionId)
    {
        var resolved = await store.ApplyAsync(
            new AlertChange { AlertId = alert.Id, ExpectedVersion = alert.Version, Actor = "ann", At = alert.CreatedAt.AddMinutes(1), State = AlertState.Resolved }, None);
        return await store.ApplyAsync(
            new AlertChange
            {
                AlertId = alert.Id, ExpectedVersion = resolved.Version, Actor = "system", At = TimeProvider.System.GetUtcNow(), State = AlertState.New,
                MentionId = mentionId, Note = "Reopened: the author complained again",
            },
            None);
    }

    private static NewAlert NewAlert(string title) => new()
    {
        Kind = AlertKind.Mention,
        Brand = "acme",
        Team = "care",
        Priority = AlertPriority.High,
        Title = title,
        CreatedAt = TimeProvider.System.GetUtcNow(),
        Actor = "routing",
    };

    /// <summary>Real time, a recovery that announces at once and looks often, and workers that poll often.</summary>
    private static Dictionary<string, string?> RecoverySettings(Uri receiver)
    {
        var settings = Settings(receiver);
        settings["Alerts:Notifications:OutboxPollInterval"] = "00:00:00.020";
        settings["Alerts:Notifications:AnnouncementRecoveryInterval"] = "00:00:00.020";
        settings["Alerts:Notifications:AnnouncementRecoveryGrace"] = "00:00:00";
        return settings;
    }

    private static WebhookSink Sink(IServiceProvider host) => host.GetServices<IAlertEventSink>().OfType<WebhookSink>().Single();

    private static Dictionary<string, string?> Settings(Uri receiver) => new()
    {
        ["Alerts:Notifications:Webhooks:0:Name"] = "care-room",
        ["Alerts:Notifications:Webhooks:0:Url"] = receiver.ToString(),
        ["Alerts:Notifications:Webhooks:0:MinPriority"] = "Low",
        ["Alerts:Notifications:WebhookFirstRetryDelay"] = "00:00:02",
        ["Alerts:Notifications:OutboxLease"] = "00:05:00",
    };
}

[TestClass]
public sealed class SqliteNotificationOutboxTests : NotificationOutboxContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlNotificationOutboxTests : NotificationOutboxContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("notification_outbox");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerNotificationOutboxTests : NotificationOutboxContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
