using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class AssignAlertTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    public async Task Execute_UnassignedAlert_GoesToTheTeamMember_AuditedAndAnnounced()
    {
        var h = Harness();
        var alert = await h.NewAlertAsync();

        var assigned = await h.Assign.ExecuteAsync(new AssignCommand(new AlertCommand(alert.Id, alert.Version, "ann"), "BOB"), None);

        Assert.AreEqual(("bob", AlertState.New, alert.Version + 1), (assigned.AssignedTo, assigned.State, assigned.Version));
        var audit = (await h.Alerts.GetAuditAsync(alert.Id, None))[^1];
        Assert.AreEqual(("ann", "Assigned to bob"), (audit.Actor, audit.Note));
        Assert.AreEqual("assigned", h.Notifier.Events[^1].Detail);
    }

    [TestMethod]
    public async Task Execute_ToSomeoneOutsideTheTeamOrInactive_IsRefused()
    {
        var h = Harness();
        var alert = await h.NewAlertAsync();

        var stranger = await Assert.ThrowsExactlyAsync<InvalidAlertCommandException>(
            () => h.Assign.ExecuteAsync(new AssignCommand(new AlertCommand(alert.Id, alert.Version, "ann"), "mallory"), None));
        var inactive = await Assert.ThrowsExactlyAsync<InvalidAlertCommandException>(
            () => h.Assign.ExecuteAsync(new AssignCommand(new AlertCommand(alert.Id, alert.Version, "ann"), "cy"), None));

        Assert.AreEqual(AlertCommandProblem.AssigneeNotInTeam, stranger.Problem);
        Assert.AreEqual(AlertCommandProblem.AssigneeNotInTeam, inactive.Problem);
        Assert.IsNull((await h.Alerts.GetAsync(alert.Id, None))!.AssignedTo);
    }

    [TestMethod]
    public async Task Execute_AlertHeldByAnother_IsRefused_UnlessALeadTakesItOver()
    {
        var h = Harness();
        var alert = await h.NewAlertAsync();
        var claimed = await h.Claim.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), None);

        var refused = await Assert.ThrowsExactlyAsync<AlertAlreadyClaimedException>(
            () => h.Assign.ExecuteAsync(new AssignCommand(new AlertCommand(alert.Id, claimed.Version, "bob"), "bob"), None));
        var moved = await h.Assign.ExecuteAsync(new AssignCommand(new AlertCommand(alert.Id, claimed.Version, "lead"), "bob", MayTakeOver: true), None);

        Assert.AreEqual("ann", refused.Assignee);
        Assert.AreEqual("bob", moved.AssignedTo);
    }

    [TestMethod]
    public async Task Execute_StaleVersionOrClosedAlert_IsRefused()
    {
        var h = Harness();
        var alert = await h.NewAlertAsync();
        var claimed = await h.Claim.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), None);
        var other = await h.NewAlertAsync();
        var dismissed = await h.Dismiss.ExecuteAsync(new(new AlertCommand(other.Id, other.Version, "ann"), DismissReason.Spam), None);

        await Assert.ThrowsExactlyAsync<ConcurrencyConflictException>(
            () => h.Assign.ExecuteAsync(new AssignCommand(new AlertCommand(alert.Id, alert.Version, "ann"), "bob"), None));
        await Assert.ThrowsExactlyAsync<AlertClosedException>(
            () => h.Assign.ExecuteAsync(new AssignCommand(new AlertCommand(other.Id, dismissed.Version, "ann"), "bob"), None));

        Assert.AreEqual("ann", (await h.Alerts.GetAsync(claimed.Id, None))!.AssignedTo);
    }

    [TestMethod]
    public async Task Unclaim_ByTheHolder_LeavesTheAlertUnassignedInItsState()
    {
        var h = Harness();
        var alert = await h.NewAlertAsync();
        var acknowledged = await h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), None);

        var released = await h.Unclaim.ExecuteAsync(new UnclaimCommand(new AlertCommand(alert.Id, acknowledged.Version, "ANN")), None);

        Assert.AreEqual((null, AlertState.Acknowledged), (released.AssignedTo, released.State));
        Assert.AreEqual("Unclaimed from ann", (await h.Alerts.GetAuditAsync(alert.Id, None))[^1].Note);
        Assert.AreEqual("unclaimed", h.Notifier.Events[^1].Detail);
    }

    [TestMethod]
    public async Task Unclaim_ByAnotherAgent_OrOfAnUnassignedAlert_IsRefused()
    {
        var h = Harness();
        var alert = await h.NewAlertAsync();
        var free = await h.NewAlertAsync();
        var claimed = await h.Claim.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), None);

        await Assert.ThrowsExactlyAsync<AlertAlreadyClaimedException>(
            () => h.Unclaim.ExecuteAsync(new UnclaimCommand(new AlertCommand(alert.Id, claimed.Version, "bob")), None));
        var unassigned = await Assert.ThrowsExactlyAsync<InvalidAlertCommandException>(
            () => h.Unclaim.ExecuteAsync(new UnclaimCommand(new AlertCommand(free.Id, free.Version, "bob")), None));
        var byLead = await h.Unclaim.ExecuteAsync(new UnclaimCommand(new AlertCommand(alert.Id, claimed.Version, "lead"), MayTakeOver: true), None);

        Assert.AreEqual(AlertCommandProblem.NotAssigned, unassigned.Problem);
        Assert.IsNull(byLead.AssignedTo);
    }

    private static WorkflowHarness Harness()
    {
        var h = new WorkflowHarness();
        h.Teams.Add(new TeamProfile
        {
            Name = "care",
            Members = [new TeamMember("ann", null, 10), new TeamMember("bob", null, 10), new TeamMember("cy", null, 10, Active: false)],
        });
        return h;
    }
}
