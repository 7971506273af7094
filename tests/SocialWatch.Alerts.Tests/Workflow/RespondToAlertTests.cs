using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class RespondToAlertTests
{
    [TestMethod]
    public async Task Execute_AcknowledgedAlert_RecordsFirstResponseTime()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var acked = await h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(20));

        var responded = await h.Respond.ExecuteAsync(new AlertCommand(alert.Id, acked.Version, "ann"), CancellationToken.None);

        Assert.AreEqual((AlertState.Responded, WorkflowHarness.Start.AddMinutes(20)), (responded.State, responded.FirstRespondedAt));
    }

    [TestMethod]
    public async Task Execute_DismissedAlert_IsRefusedAsIllegalTransition()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var dismissed = await h.Dismiss.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), DismissReason.Duplicate), CancellationToken.None);

        var ex = await Assert.ThrowsExactlyAsync<InvalidAlertTransitionException>(
            () => h.Respond.ExecuteAsync(new AlertCommand(alert.Id, dismissed.Version, "ann"), CancellationToken.None));

        Assert.AreEqual((AlertState.Dismissed, AlertState.Responded), (ex.From, ex.To));
    }
}
