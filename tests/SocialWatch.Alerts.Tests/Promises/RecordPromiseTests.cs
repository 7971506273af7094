using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Promises;

[TestClass]
public sealed class RecordPromiseTests
{
    [TestMethod]
    public async Task Execute_StoresThePromiseAndAuditsIt()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var due = WorkflowHarness.Start.AddHours(4);

        var promise = await h.RecordPromise.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), "Call back within 4 hours", due), CancellationToken.None);

        Assert.AreEqual((alert.Id, "Call back within 4 hours", due, "ann", false), (promise.AlertId, promise.Text, promise.DueAt, promise.CreatedBy, promise.IsKept));
        Assert.Contains("Call back within 4 hours", (await h.Alerts.GetAuditAsync(alert.Id, CancellationToken.None))[^1].Note!);
    }

    [TestMethod]
    public async Task Execute_StaleVersion_RecordsNothing()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        await h.Claim.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);

        await Assert.ThrowsExactlyAsync<ConcurrencyConflictException>(
            () => h.RecordPromise.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "bob"), "x", WorkflowHarness.Start.AddHours(1)), CancellationToken.None));

        Assert.IsEmpty(await h.Promises.ListForAlertAsync(alert.Id, CancellationToken.None));
    }

    [TestMethod]
    public async Task Execute_DueInThePastOrEmptyText_IsRefused()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var command = new AlertCommand(alert.Id, alert.Version, "ann");

        var past = await Assert.ThrowsExactlyAsync<InvalidAlertCommandException>(() => h.RecordPromise.ExecuteAsync(new(command, "x", WorkflowHarness.Start), CancellationToken.None));
        var empty = await Assert.ThrowsExactlyAsync<InvalidAlertCommandException>(() => h.RecordPromise.ExecuteAsync(new(command, " ", WorkflowHarness.Start.AddHours(1)), CancellationToken.None));

        Assert.AreEqual((AlertCommandProblem.PromiseDueInThePast, AlertCommandProblem.PromiseTextLength), (past.Problem, empty.Problem));
        Assert.IsEmpty(await h.Promises.ListForAlertAsync(alert.Id, CancellationToken.None));
    }
}
