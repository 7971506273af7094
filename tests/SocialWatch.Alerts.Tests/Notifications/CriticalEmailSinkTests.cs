using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class CriticalEmailSinkTests
{
    private static (CriticalEmailSink Sink, RecordingOutbox Outbox) Sink()
    {
        var teams = new InMemoryTeamStore();
        teams.Add(new TeamProfile { Name = "care", LeadEmail = "lead@acme.test" });
        var outbox = new RecordingOutbox();
        var sink = new CriticalEmailSink(outbox, teams, Options.Create(new NotificationOptions { CriticalEmailTo = ["oncall@acme.test", "LEAD@acme.test"] }));
        return (sink, outbox);
    }

    private static List<EmailMessage> Mails(RecordingOutbox outbox) =>
        [.. outbox.Messages.Where(m => m.Channel == NotificationChannels.Email).Select(m => OutboxJson.DeserializeEmail(m.Payload))];

    [TestMethod]
    public async Task Deliver_NewCriticalAlert_MailsLeadAndOnCallWithEncodedHtml()
    {
        var (sink, outbox) = Sink();

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, title: "@bob: <script>x</script>\r\nBcc: evil@x"), CancellationToken.None);

        Assert.AreEqual(42, outbox.Messages.Single().AlertId);
        var mail = Mails(outbox).Single();
        Assert.AreEqual("lead@acme.test,oncall@acme.test", string.Join(",", mail.To));
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("\n", mail.Subject);
        Assert.DoesNotContain("\r", mail.Subject);
    }

    [TestMethod]
    public async Task Deliver_NormalAlert_SendsNothing_ButItsSlaBreachGoesToTheLead()
    {
        var (sink, outbox) = Sink();

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Normal), CancellationToken.None);
        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.SlaBreached, AlertPriority.Normal), CancellationToken.None);

        var mail = Mails(outbox).Single();
        Assert.AreEqual("lead@acme.test", string.Join(",", mail.To));
        Assert.StartsWith("[SocialWatch] SLA breached", mail.Subject);
    }
}
