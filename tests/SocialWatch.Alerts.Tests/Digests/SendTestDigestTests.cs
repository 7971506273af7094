using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Email;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class SendTestDigestTests
{
    private readonly FakeDigestDataSource _data = new();
    private readonly FakeTimeProvider _time = new(Utc(2026, 6, 10, 7, 30));

    private SendTestDigest Use(SmtpOptions smtp) =>
        new(
            new DigestComposer(new DigestBuilder(_data, Options.Create(new DigestOptions { AppBaseUrl = new Uri("https://app.example.com/") }))),
            new SmtpEmailSender(Options.Create(smtp), NullLogger<SmtpEmailSender>.Instance),
            _time);

    [TestMethod]
    public async Task The_digest_of_the_period_just_ended_reaches_the_address_at_once_marked_as_a_test()
    {
        await using var server = await SmtpTestServer.StartAsync();
        _data.AddMentions("acme", Utc(2026, 6, 10, 1, 0), 12, 5);
        _data.AddMentions("acme", Utc(2026, 6, 8, 1, 0), 40, 5);
        _data.AddMentions("other", Utc(2026, 6, 10, 2, 0), 7, 0);

        var result = await Use(server.Options).HandleAsync(new TestDigestRequest("lead@example.com", ["acme"], TimeSpan.FromHours(24)), CancellationToken.None);

        var mail = server.Received().Single();
        Assert.AreEqual("lead@example.com", mail.EnvelopeRecipients.Single());
        StringAssert.StartsWith(mail.Message.Subject, "[test] SocialWatch digest");
        Assert.Contains("Mentions: 12", mail.Message.TextBody ?? "");
        Assert.AreEqual(12, result.Mentions);
        Assert.AreEqual(Utc(2026, 6, 9, 7, 30), result.Period.Start);
        Assert.AreEqual(Utc(2026, 6, 10, 7, 30), result.Period.End);
    }

    [TestMethod]
    public async Task Two_tests_are_two_messages_a_mail_client_does_not_fold()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var use = Use(server.Options);

        await use.HandleAsync(new TestDigestRequest("lead@example.com", [], TimeSpan.FromHours(24)), CancellationToken.None);
        await use.HandleAsync(new TestDigestRequest("lead@example.com", [], TimeSpan.FromHours(24)), CancellationToken.None);

        var ids = server.Received().Select(m => m.Message.MessageId).ToList();
        Assert.HasCount(2, ids);
        Assert.AreNotEqual(ids[0], ids[1]);
    }

    [TestMethod]
    [DataRow("not-an-address", 24.0, "to")]
    [DataRow("Lead <lead@example.com>, x@example.com", 24.0, "to")]
    [DataRow("lead@example.com", 0.25, "period")]
    [DataRow("lead@example.com", 24.0 * 40, "period")]
    public async Task A_bad_address_or_period_is_refused_and_nothing_is_sent(string to, double hours, string field)
    {
        await using var server = await SmtpTestServer.StartAsync();

        var refused = await Assert.ThrowsExactlyAsync<DigestValidationException>(
            () => Use(server.Options).HandleAsync(new TestDigestRequest(to, [], TimeSpan.FromHours(hours)), CancellationToken.None));

        Assert.IsTrue(refused.Errors.ContainsKey(field), string.Join("; ", refused.Errors));
        Assert.IsEmpty(server.Received());
    }

    [TestMethod]
    public async Task A_mail_server_that_refuses_the_digest_is_one_typed_failure_carrying_its_words()
    {
        await using var refusing = await SmtpTestServer.StartAsync(refuse: true);

        var failure = await Assert.ThrowsExactlyAsync<DigestDeliveryException>(
            () => Use(refusing.Options).HandleAsync(new TestDigestRequest("lead@example.com", [], TimeSpan.FromHours(24)), CancellationToken.None));

        Assert.IsInstanceOfType<MailKit.Net.Smtp.SmtpCommandException>(failure.InnerException);
        Assert.IsFalse(string.IsNullOrWhiteSpace(failure.Message));
        Assert.IsEmpty(refusing.Received());
    }
}

