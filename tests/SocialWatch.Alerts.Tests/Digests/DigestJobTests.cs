using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Email;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Digests;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class DigestJobTests
{
    private readonly FakeDigestDataSource _data = new();
    private FakeTimeProvider _time = new(Utc(2026, 6, 10, 7, 0));
    private TestDatabase? _database;
    private ServiceProvider? _services;
    private IDigestSubscriptionStore _subscriptions = null!;
    private IDigestRunStore _store = null!;

    [TestInitialize]
    public async Task OpenAsync()
    {
        _database = await TestDatabases.SqliteAsync();
        _services = DigestServices.Build(_database, TimeProvider.System);
        _subscriptions = _services.GetRequiredService<IDigestSubscriptionStore>();
        _store = _services.GetRequiredService<IDigestRunStore>();
    }

    [TestCleanup]
    public async Task CloseAsync()
    {
        await _services!.DisposeAsync();
        await _database!.DisposeAsync();
    }

    [TestMethod]
    public async Task Run_SendsTheDigestWithBothPartsAndTheInlineChart()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com", "pr@example.com");
        _data.AddMentions("acme", Utc(2026, 6, 9, 12, 15), 30, 12);
        _data.AddMentions("acme", Utc(2026, 6, 8, 12, 15), 10, 2);

        await Job(server.Options).RunAsync(subscription.Id, CancellationToken.None);

        var mail = server.Received().Single();
        Assert.AreEqual("lead@example.com pr@example.com", string.Join(" ", mail.EnvelopeRecipients.Order(StringComparer.Ordinal)));
        Assert.AreEqual("SocialWatch digest: Care leads, 9 Jun 08:00 to 10 Jun 08:00: 30 mentions, 40.0 % negative", mail.Message.Subject);
        Assert.Contains("Mentions: 30 (+200.0 % vs previous period)", mail.Message.TextBody ?? "");
        var html = mail.Message.HtmlBody ?? "";
        Assert.Contains("Care leads", html);
        var image = mail.Message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"src=\"cid:{image.ContentId}\"", html);
        var alternative = (Multipart)mail.Message.Body!;
        Assert.AreEqual("multipart/alternative", alternative.ContentType.MimeType);
        Assert.AreEqual("multipart/related", alternative.OfType<MultipartRelated>().Single().ContentType.MimeType);
        var run = await _store.GetAsync(subscription.Id, Utc(2026, 6, 10, 7, 0), CancellationToken.None);
        Assert.AreEqual(DigestRunState.Sent, run!.State);
        Assert.AreEqual(Utc(2026, 6, 9, 7, 0), run.PeriodStart);
        Assert.AreEqual(30, run.Mentions);
        Assert.AreEqual(12, run.NegativeMentions);
        Assert.AreEqual(mail.Message.MessageId, run.MessageId);
    }

    [TestMethod]
    public async Task Run_QuietPeriod_SaysSoAndAttachesNoChart()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com");

        await Job(server.Options).RunAsync(subscription.Id, CancellationToken.None);

        var mail = server.Received().Single();
        Assert.Contains("quiet period, no mentions", mail.Message.Subject ?? "");
        Assert.Contains("Quiet period: no mentions were found in this period.", mail.Message.TextBody ?? "");
        Assert.Contains("Quiet period: no mentions of acme were found", mail.Message.HtmlBody ?? "");
        Assert.IsFalse(mail.Message.BodyParts.Any(p => p.ContentType.MediaType == "image"));
    }

    [TestMethod]
    public async Task Run_TwiceForTheSamePeriod_SendsOnce()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com");
        var job = Job(server.Options);

        await job.RunAsync(subscription.Id, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(3));
        await job.RunAsync(subscription.Id, CancellationToken.None);

        Assert.HasCount(1, server.Received());
        Assert.HasCount(1, await _store.ListAsync(subscription.Id, 10, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_AfterThreeDaysDown_SendsOnlyTheLatestPeriodOnce()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com");
        _time.SetUtcNow(Utc(2026, 6, 13, 9, 30));
        var job = Job(server.Options);

        // Relaxed misfire handling may fire the missed occurrences; each finds the same latest period.
        await job.RunAsync(subscription.Id, CancellationToken.None);
        await job.RunAsync(subscription.Id, CancellationToken.None);

        Assert.HasCount(1, server.Received());
        var run = (await _store.ListAsync(subscription.Id, 10, CancellationToken.None)).Single();
        Assert.AreEqual(Utc(2026, 6, 12, 7, 0), run.PeriodStart);
        Assert.AreEqual(Utc(2026, 6, 13, 7, 0), run.PeriodEnd);
    }

    [TestMethod]
    public async Task Run_ServerRefuses_ThrowsWithoutRecordingASend_AndTheRetrySendsExactlyOnce()
    {
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com");
        _data.AddMentions("acme", Utc(2026, 6, 9, 12, 0), 5, 1);
        await using (var refusing = await SmtpTestServer.StartAsync(refuse: true))
        {
            await Assert.ThrowsExactlyAsync<MailKit.Net.Smtp.SmtpCommandException>(() => Job(refusing.Options).RunAsync(subscription.Id, CancellationToken.None));
            Assert.IsEmpty(refusing.Received());
        }

        var afterFailure = await _store.GetAsync(subscription.Id, Utc(2026, 6, 10, 7, 0), CancellationToken.None);
        await using var accepting = await SmtpTestServer.StartAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await Job(accepting.Options).RunAsync(subscription.Id, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await Job(accepting.Options).RunAsync(subscription.Id, CancellationToken.None);

        Assert.AreEqual(DigestRunState.Failed, afterFailure!.State);
        Assert.Contains("refused", afterFailure.LastError!);
        Assert.HasCount(1, accepting.Received());
        var run = (await _store.ListAsync(subscription.Id, 10, CancellationToken.None)).Single();
        Assert.AreEqual(DigestRunState.Sent, run.State);
        Assert.AreEqual(2, run.Attempts);
    }

    [TestMethod]
    public async Task Run_RecordFailsAfterTheServerAccepted_RetryDoesNotSendAgain()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com");
        var failingRecord = new FailingMarkSentStore(_store);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => Job(server.Options, failingRecord).RunAsync(subscription.Id, CancellationToken.None));
        await Job(server.Options).RunAsync(subscription.Id, CancellationToken.None);

        Assert.HasCount(1, server.Received());
        var run = (await _store.ListAsync(subscription.Id, 10, CancellationToken.None)).Single();
        Assert.AreEqual(DigestRunState.Sending, run.State, "The outcome was lost, so the run stays 'may have been delivered'.");
    }

    [TestMethod]
    public async Task Run_DatabaseFailsWhileBuilding_ThrowsAndRecordsNothing()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com");
        _data.Failure = new InvalidOperationException("database is gone");

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => Job(server.Options).RunAsync(subscription.Id, CancellationToken.None));

        Assert.IsEmpty(server.Received());
        Assert.IsEmpty(await _store.ListAsync(subscription.Id, 10, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_DailyAcrossSpringForwardInNewYork_CoversA23HourDay()
    {
        await using var server = await SmtpTestServer.StartAsync();
        _time = new FakeTimeProvider(Utc(2026, 3, 9, 4, 5));
        var subscription = await Subscribe("America/New_York", new TimeOnly(0, 0), "lead@example.com");
        _data.AddMentions("acme", Utc(2026, 3, 8, 5, 30), 2, 0);
        _data.AddMentions("acme", Utc(2026, 3, 9, 4, 1), 9, 0);

        await Job(server.Options).RunAsync(subscription.Id, CancellationToken.None);

        var run = (await _store.ListAsync(subscription.Id, 10, CancellationToken.None)).Single();
        Assert.AreEqual(Utc(2026, 3, 8, 5, 0), run.PeriodStart);
        Assert.AreEqual(Utc(2026, 3, 9, 4, 0), run.PeriodEnd);
        Assert.AreEqual(2, run.Mentions, "Mentions after local midnight belong to the next digest.");
        Assert.Contains("Sun 8 Mar 2026 00:00 to Mon 9 Mar 2026 00:00 (America/New_York)", server.Received().Single().Message.TextBody ?? "");
    }

    [TestMethod]
    public async Task Run_DisabledSubscription_SendsNothing()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var subscription = await Subscribe("Europe/London", new TimeOnly(8, 0), "lead@example.com");
        await _subscriptions.UpdateAsync(subscription with { Enabled = false }, CancellationToken.None);

        await Job(server.Options).RunAsync(subscription.Id, CancellationToken.None);
        await Job(server.Options).RunAsync(subscription.Id + 1000, CancellationToken.None);

        Assert.IsEmpty(server.Received());
    }

    [TestMethod]
    public async Task Run_WiredByAddSocialWatchDigests_SendsWhatTheStoresHold()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var database = await TestDatabases.SqliteAsync();
        await using var services = DigestServices.Build(database, _time, smtpPort: server.Port);
        var mentions = services.GetRequiredService<SocialWatch.Core.Storage.IMentionStore>();
        await mentions.StoreBatchAsync(new SocialWatch.Core.Storage.IngestBatch("acme:x", [
            TestMentions.Scored("1", createdAt: Utc(2026, 6, 9, 10, 0), text: "<img src=x onerror=alert(1)> never again"),
            TestMentions.Scored("2", createdAt: Utc(2026, 6, 9, 11, 0)),
        ], "c1", null), CancellationToken.None);
        var subscription = await services.GetRequiredService<CreateDigestSubscription>().HandleAsync(
            new DigestSubscriptionRequest { Name = "Wired", Recipients = ["lead@example.com"], Brands = ["acme"], Cadence = DigestCadence.Daily, SendAt = new TimeOnly(8, 0), TimeZone = "Europe/London" },
            CancellationToken.None);

        await services.GetRequiredService<DigestJob>().RunAsync(subscription.Id, CancellationToken.None);

        var mail = server.Received().Single();
        Assert.AreEqual("SocialWatch digest: Wired, 9 Jun 08:00 to 10 Jun 08:00: 2 mentions, 100.0 % negative", mail.Message.Subject);
        Assert.IsTrue(mail.Message.BodyParts.Any(p => p.ContentType.MimeType == "image/png"));
        Assert.Contains("legal threat: 2 (before 0, +2)", mail.Message.TextBody ?? "");
    }

    private async Task<DigestSubscription> Subscribe(string timeZone, TimeOnly at, params string[] recipients) =>
        await _subscriptions.CreateAsync(
            Daily(timeZone, at) with { Recipients = recipients, Brands = ["acme"], CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow() },
            CancellationToken.None);

    private DigestJob Job(SmtpOptions smtp, IDigestRunStore? runs = null)
    {
        var builder = new DigestBuilder(_data, Options.Create(new DigestOptions { AppBaseUrl = new Uri("https://app.example.com/") }));
        return new DigestJob(
            _subscriptions,
            runs ?? _store,
            new DigestComposer(builder),
            new SmtpEmailSender(Options.Create(smtp), NullLogger<SmtpEmailSender>.Instance),
            _time,
            NullLogger<DigestJob>.Instance);
    }

    /// <summary>The database goes away right after the mail server accepted the digest.</summary>
    private sealed class FailingMarkSentStore(IDigestRunStore inner) : IDigestRunStore
    {
        public Task<DigestRun?> GetAsync(long subscriptionId, DateTimeOffset periodEnd, CancellationToken cancellationToken) => inner.GetAsync(subscriptionId, periodEnd, cancellationToken);

        public Task<DigestRun?> TryClaimAsync(DigestRun run, CancellationToken cancellationToken) => inner.TryClaimAsync(run, cancellationToken);

        public Task MarkSentAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken) => throw new InvalidOperationException("database is gone");

        public Task MarkFailedAsync(long runId, DateTimeOffset at, string error, CancellationToken cancellationToken) => inner.MarkFailedAsync(runId, at, error, cancellationToken);

        public Task<IReadOnlyList<DigestRun>> ListAsync(long subscriptionId, int limit, CancellationToken cancellationToken) => inner.ListAsync(subscriptionId, limit, cancellationToken);
    }
}
