using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Notifications;

internal static class NotificationTestData
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static AlertEvent Event(AlertEventKind kind, AlertPriority priority = AlertPriority.Urgent, string brand = "acme", string title = "@bob: <b>my bag</b> & \"more\"") =>
        new(kind, new Alert { Id = 42, Brand = brand, Team = "care", Title = title, Priority = priority, Reasons = ["legal threat"], FirstResponseDueAt = At.AddMinutes(30) }, At, "routing", "detail");
}
