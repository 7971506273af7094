using Microsoft.Extensions.Options;
using SocialWatch.Core.Spikes;

namespace SocialWatch.Alerts.Spikes;

/// <summary>What to do after a window was evaluated.</summary>
public enum SpikeAction
{
    None,

    /// <summary>A new spike began: raise one alert.</summary>
    Raise,

    /// <summary>The ongoing spike goes on (or flared up again within the cool-down): no new alert.</summary>
    Continue,

    /// <summary>The spike has died down; the cool-down starts.</summary>
    End,
}

/// <summary>
/// Hysteresis around the detector: a spike starts when the strict test fires and ends only once the window falls
/// below the looser bar; a new one within the cool-down counts as the old one.
/// </summary>
public sealed class SpikeTracker(IOptions<SpikeOptions> options)
{
    public (SpikeAction Action, SpikeState State) Next(SpikeState state, SpikeSignal signal, DateTimeOffset now)
    {
        if (state.Active)
        {
            return signal.StillElevated
                ? (SpikeAction.Continue, state with { LastElevatedAt = now })
                : (SpikeAction.End, state with { Active = false, CoolDownUntil = now + options.Value.CoolDown });
        }

        if (!signal.Fires)
        {
            return (SpikeAction.None, state);
        }

        if (state.CoolDownUntil is { } until && now < until)
        {
            return (SpikeAction.Continue, state with { Active = true, LastElevatedAt = now, CoolDownUntil = null });
        }

        return (SpikeAction.Raise, state with { Active = true, StartedAt = now, LastElevatedAt = now, CoolDownUntil = null });
    }
}
