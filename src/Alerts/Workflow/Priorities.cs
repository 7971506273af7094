using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Workflow;

public static class Priorities
{
    /// <summary>One step more urgent, capped at Urgent.</summary>
    public static AlertPriority Raise(AlertPriority priority) =>
        priority >= AlertPriority.Urgent ? AlertPriority.Urgent : priority + 1;
}
