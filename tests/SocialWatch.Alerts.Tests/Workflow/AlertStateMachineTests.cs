using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class AlertStateMachineTests
{
    [TestMethod]
    [DataRow(AlertState.New, AlertState.Acknowledged)]
    [DataRow(AlertState.New, AlertState.Responded)]
    [DataRow(AlertState.New, AlertState.Dismissed)]
    [DataRow(AlertState.Acknowledged, AlertState.Responded)]
    [DataRow(AlertState.Acknowledged, AlertState.Dismissed)]
    [DataRow(AlertState.Responded, AlertState.Resolved)]
    public void CanMove_AllowsTheLifecycle(AlertState from, AlertState to)
    {
        var allowed = AlertStateMachine.CanMove(AlertKind.Mention, from, to);

        Assert.IsTrue(allowed);
    }

    [TestMethod]
    [DataRow(AlertState.New, AlertState.Resolved)]
    [DataRow(AlertState.Acknowledged, AlertState.Resolved)]
    [DataRow(AlertState.Responded, AlertState.Acknowledged)]
    [DataRow(AlertState.Responded, AlertState.Dismissed)]
    [DataRow(AlertState.Resolved, AlertState.Responded)]
    [DataRow(AlertState.Resolved, AlertState.New)]
    [DataRow(AlertState.Dismissed, AlertState.Acknowledged)]
    [DataRow(AlertState.Dismissed, AlertState.Resolved)]
    [DataRow(AlertState.New, AlertState.New)]
    public void CanMove_RefusesEverythingElse(AlertState from, AlertState to)
    {
        var allowed = AlertStateMachine.CanMove(AlertKind.Mention, from, to);

        Assert.IsFalse(allowed);
    }

    [TestMethod]
    public void CanMove_SpikeAlert_MayBeResolvedOnceAcknowledged()
    {
        var allowed = AlertStateMachine.CanMove(AlertKind.Spike, AlertState.Acknowledged, AlertState.Resolved);

        Assert.IsTrue(allowed);
    }

    [TestMethod]
    public void EnsureCanMove_IllegalMove_ThrowsWithBothStates()
    {
        var alert = new Alert { Id = 5, Brand = "acme", Team = "care", Title = "t", State = AlertState.Dismissed };

        var ex = Assert.ThrowsExactly<InvalidAlertTransitionException>(() => AlertStateMachine.EnsureCanMove(alert, AlertState.Resolved));

        Assert.AreEqual("Alert 5 cannot go from Dismissed to Resolved.", ex.Message);
    }
}
