using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Promises;

[TestClass]
public sealed class PromiseCheckJobTests
{
    [TestMethod]
    public async Task Run_PromiseNotKeptByItsDueTime_RaisesOneBrokenPromiseAlert()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync(priority: AlertPriority.Normal);
        var promise = await h.RecordPromise.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), "Call back within 4 hours", WorkflowHarness.Start.AddHours(4)), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(3));
        await h.PromiseCheck.RunAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(1));

        await h.PromiseCheck.RunAsync(CancellationToken.None);
        await h.PromiseCheck.RunAsync(CancellationToken.None);

        var broken = h.Alerts.All.Single(a => a.Kind == AlertKind.BrokenPromise);
        Assert.AreEqual((AlertPriority.High, "care", "Promise not kept: Call back within 4 hours"), (broken.Priority, broken.Team, broken.Title));
        Assert.AreEqual(broken.Id, (await h.Promises.GetAsync(promise.Id, CancellationToken.None))!.BrokenAlertId);
        Assert.HasCount(1, h.Notifier.Events.Where(e => e.Kind == AlertEventKind.PromiseBroken));
    }

    [TestMethod]
    public async Task Run_KeptPromise_RaisesNothing()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var promise = await h.RecordPromise.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), "Refund", WorkflowHarness.Start.AddHours(1)), CancellationToken.None);
        await h.MarkPromiseKept.ExecuteAsync(promise.Id, "ann", CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(2));

        await h.PromiseCheck.RunAsync(CancellationToken.None);

        Assert.IsEmpty(h.Alerts.All.Where(a => a.Kind == AlertKind.BrokenPromise));
    }
}
