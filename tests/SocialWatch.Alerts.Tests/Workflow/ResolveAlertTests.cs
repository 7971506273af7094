using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class ResolveAlertTests
{
    [TestMethod]
    public async Task Execute_WholeLifecycle_IsAuditedStepByStep()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var a1 = await h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var a2 = await h.Respond.ExecuteAsync(new AlertCommand(alert.Id, a1.Version, "ann", "replied publicly"), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(2));

        var resolved = await h.Resolve.ExecuteAsync(new AlertCommand(alert.Id, a2.Version, "ann", "refund sent"), CancellationToken.None);

        Assert.AreEqual((AlertState.Resolved, WorkflowHarness.Start.AddMinutes(130)), (resolved.State, resolved.ResolvedAt));
        var audit = await h.Alerts.GetAuditAsync(alert.Id, CancellationToken.None);
        CollectionAssert.AreEqual(
            new (AlertState?, AlertState, string)[] { (null, AlertState.New, "routing"), (AlertState.New, AlertState.Acknowledged, "ann"), (AlertState.Acknowledged, AlertState.Responded, "ann"), (AlertState.Responded, AlertState.Resolved, "ann") },
            audit.Select(e => (e.From, e.To, e.Actor)).ToArray());
        Assert.AreEqual("refund sent", audit[^1].Note);
    }

    [TestMethod]
    public async Task Execute_UnansweredMentionAlert_IsRefused()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var acked = await h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);

        await Assert.ThrowsExactlyAsync<InvalidAlertTransitionException>(
            () => h.Resolve.ExecuteAsync(new AlertCommand(alert.Id, acked.Version, "ann"), CancellationToken.None));
    }
}
