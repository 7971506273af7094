using SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Tests.Fakes;

internal sealed class RecordingNotifier : IAlertNotifier
{
    public List<AlertEvent> Events { get; } = [];

    public void Publish(AlertEvent alertEvent) => Events.Add(alertEvent);
}
