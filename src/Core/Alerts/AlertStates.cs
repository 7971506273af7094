namespace SocialWatch.Core.Alerts;

/// <summary>Alert states kept as open in the care queue; the stores keep an is_open column in step with them.</summary>
public static class AlertStates
{
    public static bool IsOpen(AlertState state) => state is not (AlertState.Resolved or AlertState.Dismissed);
}
