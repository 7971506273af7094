using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Notifications;

internal static class NotificationTestData
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static AlertEvent Event(AlertEventKind kind, AlertPriority priority = AlertPriority.Urgent, string brand = "acme", string title = "@bob: <b>my bag</b> & \"more\"") =>
        new(kind, new Alert { Id = 42, Brand = brand, Team = "care", Title = title, Priority = priority, Reasons = [new Reason(ReasonCodes.LegalThreat, "legal threat", 1f)], FirstResponseDueAt = At.AddMinutes(30) }, At, "routing", "detail");
}
