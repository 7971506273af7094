using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class ClaimAlertTests
{
    [TestMethod]
    public async Task Execute_UnassignedAlert_AssignsTheAgentWithoutChangingState()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();

        var claimed = await h.Claim.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);

        Assert.AreEqual(("ann", AlertState.New), (claimed.AssignedTo, claimed.State));
        Assert.AreEqual("Claimed", (await h.Alerts.GetAuditAsync(alert.Id, CancellationToken.None))[^1].Note);
    }

    [TestMethod]
    public async Task Execute_AlertClaimedByAnother_IsRefusedWithTheHolder()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var claimed = await h.Claim.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);

        var ex = await Assert.ThrowsExactlyAsync<AlertAlreadyClaimedException>(
            () => h.Claim.ExecuteAsync(new AlertCommand(alert.Id, claimed.Version, "bob"), CancellationToken.None));

        Assert.AreEqual("ann", ex.Assignee);
    }

    [TestMethod]
    public async Task Execute_ClosedAlert_IsRefused()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var dismissed = await h.Dismiss.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), DismissReason.Spam), CancellationToken.None);

        await Assert.ThrowsExactlyAsync<AlertClosedException>(
            () => h.Claim.ExecuteAsync(new AlertCommand(alert.Id, dismissed.Version, "bob"), CancellationToken.None));
    }
}
