using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class RoundRobinAssignerTests
{
    [TestMethod]
    public async Task TryAssign_SkipsMembersAtCapacityAndInactiveMembers()
    {
        var h = new WorkflowHarness();
        h.Teams.Add(new TeamProfile
        {
            Name = "care",
            Assignment = AssignmentMode.RoundRobin,
            Members = [new("ann", null, 1), new("bob", null, 2, Active: false), new("cid", null, 2)],
        });
        var first = await h.Assigner.TryAssignAsync(await h.NewAlertAsync(), CancellationToken.None);

        var second = await h.Assigner.TryAssignAsync(await h.NewAlertAsync(), CancellationToken.None);
        var third = await h.Assigner.TryAssignAsync(await h.NewAlertAsync(), CancellationToken.None);
        var fourth = await h.Assigner.TryAssignAsync(await h.NewAlertAsync(), CancellationToken.None);

        Assert.AreEqual("ann", first.AssignedTo);
        Assert.AreEqual("cid", second.AssignedTo, "bob is inactive");
        Assert.AreEqual("cid", third.AssignedTo, "ann is at her capacity of 1");
        Assert.IsNull(fourth.AssignedTo, "everyone is full: the alert waits in the queue");
    }

    [TestMethod]
    public async Task TryAssign_ClaimTeam_LeavesTheAlertInTheQueue()
    {
        var h = new WorkflowHarness();
        h.Teams.Add(new TeamProfile { Name = "care", Members = [new("ann", null, 5)] });

        var alert = await h.Assigner.TryAssignAsync(await h.NewAlertAsync(), CancellationToken.None);

        Assert.IsNull(alert.AssignedTo);
    }

    [TestMethod]
    public async Task TryAssign_ClosedAlertsFreeCapacity()
    {
        var h = new WorkflowHarness();
        h.Teams.Add(new TeamProfile { Name = "care", Assignment = AssignmentMode.RoundRobin, Members = [new("ann", null, 1)] });
        var first = await h.Assigner.TryAssignAsync(await h.NewAlertAsync(), CancellationToken.None);
        await h.Dismiss.ExecuteAsync(new(new(first.Id, first.Version, "ann"), Alerts.Workflow.DismissReason.Spam), CancellationToken.None);

        var second = await h.Assigner.TryAssignAsync(await h.NewAlertAsync(priority: AlertPriority.High), CancellationToken.None);

        Assert.AreEqual("ann", second.AssignedTo);
    }
}
