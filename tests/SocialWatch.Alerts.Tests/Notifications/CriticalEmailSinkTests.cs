using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Teams;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class CriticalEmailSinkTests
{
    private static (CriticalEmailSink Sink, List<EmailMessage> Sent) Sink()
    {
        var teams = new InMemoryTeamStore();
        teams.Add(new TeamProfile { Name = "care", LeadEmail = "lead@acme.test" });
        var sender = new RecordingEmailSender();
        var sink = new CriticalEmailSink(sender, teams, Options.Create(new NotificationOptions { CriticalEmailTo = ["oncall@acme.test", "LEAD@acme.test"] }));
        return (sink, sender.Sent);
    }

    [TestMethod]
    public async Task Deliver_NewCriticalAlert_MailsLeadAndOnCallWithEncodedHtml()
    {
        var (sink, sent) = Sink();

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, title: "@bob: <script>x</script>\r\nBcc: evil@x"), CancellationToken.None);

        var mail = sent.Single();
        Assert.AreEqual("lead@acme.test,oncall@acme.test", string.Join(",", mail.To));
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("\n", mail.Subject);
        Assert.DoesNotContain("\r", mail.Subject);
    }

    [TestMethod]
    public async Task Deliver_NormalAlert_SendsNothing_ButItsSlaBreachGoesToTheLead()
    {
        var (sink, sent) = Sink();

        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created, AlertPriority.Normal), CancellationToken.None);
        await sink.DeliverAsync(NotificationTestData.Event(AlertEventKind.SlaBreached, AlertPriority.Normal), CancellationToken.None);

        var mail = sent.Single();
        Assert.AreEqual("lead@acme.test", string.Join(",", mail.To));
        Assert.StartsWith("[SocialWatch] SLA breached", mail.Subject);
    }

    private sealed class RecordingEmailSender : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
