using System.Globalization;
using System.Text;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Notifications;

/// <summary>Plain-text summary of an event shared by the webhook and e-mail sinks (each encodes it for its medium).</summary>
public static class AlertMessageText
{
    public static string Headline(AlertEvent e) => e.Kind switch
    {
        AlertEventKind.Created => "New alert",
        AlertEventKind.Reopened => "Case reopened",
        AlertEventKind.SlaWarning => "SLA deadline close",
        AlertEventKind.SlaBreached => "SLA breached",
        AlertEventKind.PromiseBroken => "Promise not kept",
        AlertEventKind.SpikeDetected => "Mention spike",
        _ => "Alert updated",
    };

    public static string Compose(AlertEvent e, Uri? dashboardBaseUrl)
    {
        var a = e.Alert;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Headline(e)} [{a.Priority}] {a.Brand} / team {a.Team} / alert #{a.Id}")
            .Append('\n').Append(a.Title);
        if (e.Detail is { Length: > 0 } detail && e.Kind is not (AlertEventKind.Created or AlertEventKind.Changed))
        {
            text.Append('\n').Append(detail);
        }

        if (a.Reasons.Count > 0)
        {
            text.Append("\nWhy: ").AppendJoin("; ", a.Reasons.Select(r => r.Text));
        }

        if (a.FirstResponseDueAt is { } due && a.IsOpen)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nFirst response due {due:u}");
        }

        if (LinkTo(a, dashboardBaseUrl) is { } link)
        {
            text.Append('\n').Append(link);
        }

        return text.ToString();
    }

    public static Uri? LinkTo(Alert alert, Uri? dashboardBaseUrl) =>
        dashboardBaseUrl is null ? null : new Uri(dashboardBaseUrl, $"alerts/{alert.Id}");
}
