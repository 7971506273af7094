using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;

namespace SocialWatch.Alerts.Tests.Promises;

[TestClass]
public sealed class MarkPromiseKeptTests
{
    [TestMethod]
    public async Task Execute_FirstConfirmationCounts()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var promise = await h.RecordPromise.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), "Refund today", WorkflowHarness.Start.AddHours(4)), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.MarkPromiseKept.ExecuteAsync(promise.Id, "ann", CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(1));

        var kept = await h.MarkPromiseKept.ExecuteAsync(promise.Id, "bob", CancellationToken.None);

        Assert.AreEqual(("ann", WorkflowHarness.Start.AddHours(1)), (kept.KeptBy, kept.KeptAt!.Value));
    }

    [TestMethod]
    public async Task Execute_UnknownPromise_ThrowsNotFound()
    {
        var h = new WorkflowHarness();

        await Assert.ThrowsExactlyAsync<PromiseNotFoundException>(() => h.MarkPromiseKept.ExecuteAsync(42, "ann", CancellationToken.None));
    }
}
