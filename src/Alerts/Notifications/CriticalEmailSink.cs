using System.Net;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// E-mails at once what a lead must not miss: a new or reopened critical alert (to the lead and the configured
/// addresses) and SLA warnings and breaches (escalated to the team's lead). The message is built now and recorded in
/// the outbox; the <see cref="NotificationOutboxWorker"/> sends it and retries until the mail server takes it.
/// </summary>
public sealed class CriticalEmailSink(INotificationOutbox outbox, ITeamStore teams, IOptions<NotificationOptions> options) : IOutboxAlertEventSink
{
    public async Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync((await ComposeAsync([alertEvent], cancellationToken))[0], cancellationToken);

    public async Task<IReadOnlyList<IReadOnlyList<OutboxMessage>>> ComposeAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        // Each team's lead is read once for all the events.
        var leads = new Dictionary<string, string?>(StringComparer.Ordinal);
        var composed = new List<IReadOnlyList<OutboxMessage>>(events.Count);
        foreach (var alertEvent in events)
        {
            composed.Add(await ComposeAsync(alertEvent, leads, cancellationToken));
        }

        return composed;
    }

    private async Task<IReadOnlyList<OutboxMessage>> ComposeAsync(AlertEvent alertEvent, Dictionary<string, string?> leads, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var critical = alertEvent.Alert.Priority >= o.CriticalPriority;
        var escalation = alertEvent.Kind is AlertEventKind.SlaWarning or AlertEventKind.SlaBreached or AlertEventKind.PromiseBroken;
        var raisedCritical = critical && alertEvent.Kind is AlertEventKind.Created or AlertEventKind.Reopened or AlertEventKind.SpikeDetected;
        if (!escalation && !raisedCritical)
        {
            return [];
        }

        var team = alertEvent.Alert.Team;
        if (!leads.TryGetValue(team, out var lead))
        {
            lead = leads[team] = (await teams.GetAsync(team, cancellationToken))?.LeadEmail;
        }

        var to = new List<string>();
        if (!string.IsNullOrWhiteSpace(lead))
        {
            to.Add(lead);
        }

        if (raisedCritical)
        {
            to.AddRange(o.CriticalEmailTo);
        }

        to = [.. to.Distinct(StringComparer.OrdinalIgnoreCase)];
        if (to.Count == 0)
        {
            return [];
        }

        var message = Build(alertEvent, to, o.DashboardBaseUrl);
        return [new OutboxMessage(NotificationChannels.Email, NotificationChannels.Email, alertEvent.Alert.Id, OutboxJson.Serialize(message))];
    }

    internal static EmailMessage Build(AlertEvent alertEvent, IReadOnlyList<string> to, Uri? dashboardBaseUrl)
    {
        var a = alertEvent.Alert;
        var text = AlertMessageText.Compose(alertEvent, dashboardBaseUrl);

        // Subjects are plain text but still must not carry line breaks from a stranger's post into mail headers.
        var subject = $"[SocialWatch] {AlertMessageText.Headline(alertEvent)} ({a.Priority}): {a.Brand}: {a.Title}"
            .ReplaceLineEndings(" ");
        if (subject.Length > 200)
        {
            subject = string.Concat(subject.AsSpan(0, 199), "…");
        }

        var html = "<html><body><pre style=\"font-family:sans-serif;white-space:pre-wrap\">"
            + WebUtility.HtmlEncode(text)
            + "</pre></body></html>";
        return new EmailMessage(to, subject, html, text);
    }
}
