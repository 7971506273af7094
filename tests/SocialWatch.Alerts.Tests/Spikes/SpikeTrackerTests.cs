using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Core.Spikes;

namespace SocialWatch.Alerts.Tests.Spikes;

[TestClass]
public sealed class SpikeTrackerTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly SpikeTracker _tracker = new(Options.Create(new SpikeOptions { CoolDown = TimeSpan.FromHours(6) }));

    private static SpikeSignal Firing => new(true, false, true, 100, 20, 0.2, 0.2);

    private static SpikeSignal Elevated => new(false, false, true, 40, 20, 0.2, 0.2);

    private static SpikeSignal Calm => new(false, false, false, 20, 20, 0.2, 0.2);

    [TestMethod]
    public void Next_FollowsOneSpikeFromStartThroughItsTailToTheCoolDown()
    {
        var state = new SpikeState("acme");

        var (a1, s1) = _tracker.Next(state, Firing, T);
        var (a2, s2) = _tracker.Next(s1, Elevated, T.AddHours(1));
        var (a3, s3) = _tracker.Next(s2, Calm, T.AddHours(2));
        var (a4, s4) = _tracker.Next(s3, Firing, T.AddHours(5));
        var (a5, _) = _tracker.Next(s4 with { Active = false, CoolDownUntil = T.AddHours(6) }, Firing, T.AddHours(9));

        Assert.AreEqual("Raise,Continue,End,Continue,Raise", string.Join(",", a1, a2, a3, a4, a5));
        Assert.AreEqual(T.AddHours(8), s3.CoolDownUntil);
    }

    [TestMethod]
    public void Next_ElevatedButNotFiring_DoesNotStartASpike()
    {
        var (action, state) = _tracker.Next(new SpikeState("acme"), Elevated, T);

        Assert.AreEqual(SpikeAction.None, action);
        Assert.IsFalse(state.Active);
    }
}
