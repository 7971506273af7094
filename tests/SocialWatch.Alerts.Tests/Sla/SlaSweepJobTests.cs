using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Alerts.Tests.Sla;

[TestClass]
public sealed class SlaSweepJobTests
{
    [TestMethod]
    public async Task Run_WarnsBeforeAndAtTheDeadline_EachOnce()
    {
        var h = new WorkflowHarness();
        await h.NewAlertAsync(); // first response due +1h, resolution +8h
        h.Time.Advance(TimeSpan.FromMinutes(40));
        await h.SlaSweep.RunAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(6));

        await h.SlaSweep.RunAsync(CancellationToken.None);
        var afterWarning = h.Notifier.Events.Select(e => e.Kind).ToList();
        h.Time.Advance(TimeSpan.FromMinutes(14));
        await h.SlaSweep.RunAsync(CancellationToken.None);
        await h.SlaSweep.RunAsync(CancellationToken.None);

        Assert.AreEqual("SlaWarning", string.Join(",", afterWarning));
        Assert.AreEqual("SlaWarning,SlaBreached", string.Join(",", h.Notifier.Events.Select(e => e.Kind)));
        Assert.Contains("first response was due", h.Notifier.Events[^1].Detail!);
    }

    [TestMethod]
    public async Task Run_RespondedAlert_OnlyTheResolutionClockRuns()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        await h.Respond.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);
        h.Notifier.Events.Clear();
        h.Time.Advance(TimeSpan.FromHours(8));

        await h.SlaSweep.RunAsync(CancellationToken.None);

        var notice = h.Outbox.Keys.Single();
        Assert.AreEqual(AnnouncementKeys.Sla(SlaDeadlineKind.Resolution, SlaNoticeLevel.Breach, alert.ResolveDueAt!.Value), notice.Key);
    }

    [TestMethod]
    public async Task Run_MentionSpreadingFast_TightensBothDeadlines()
    {
        var h = new WorkflowHarness();
        h.Mentions.Add(Mentions.Stored(5));
        var alert = await h.NewAlertAsync(mentionId: 5);
        var now = WorkflowHarness.Start;
        await h.Mentions.AddSnapshotsAsync([new(5, now.AddHours(-1), new(100, 0, 0, 0)), new(5, now, new(1000, 0, 0, 0))], CancellationToken.None);

        await h.SlaSweep.RunAsync(CancellationToken.None);

        // Doubling in ~67 minutes: the floor factor 0.2 of the Normal targets (4h and 24h).
        var tightened = (await h.Alerts.GetAsync(alert.Id, CancellationToken.None))!;
        Assert.AreEqual((now.AddMinutes(48), now.AddMinutes(288), AlertPriority.Normal), (tightened.FirstResponseDueAt!.Value, tightened.ResolveDueAt!.Value, tightened.Priority));
        Assert.StartsWith("Spreading", (await h.Alerts.GetAuditAsync(alert.Id, CancellationToken.None))[^1].Note!);
    }

    [TestMethod]
    public async Task Run_MentionDoublingWithinTheHour_AlsoRaisesPriority()
    {
        var h = new WorkflowHarness();
        h.Mentions.Add(Mentions.Stored(5));
        var alert = await h.NewAlertAsync(mentionId: 5);
        var now = WorkflowHarness.Start;
        await h.Mentions.AddSnapshotsAsync([new(5, now.AddMinutes(-30), new(100, 0, 0, 0)), new(5, now, new(10_100, 0, 0, 0))], CancellationToken.None);

        await h.SlaSweep.RunAsync(CancellationToken.None);

        var raised = (await h.Alerts.GetAsync(alert.Id, CancellationToken.None))!;
        Assert.AreEqual((AlertPriority.High, now.AddMinutes(12)), (raised.Priority, raised.FirstResponseDueAt!.Value));
    }

    [TestMethod]
    public async Task Run_SlowMention_LeavesDeadlinesAlone()
    {
        var h = new WorkflowHarness();
        h.Mentions.Add(Mentions.Stored(5));
        var alert = await h.NewAlertAsync(mentionId: 5);
        var now = WorkflowHarness.Start;
        await h.Mentions.AddSnapshotsAsync([new(5, now.AddHours(-1), new(100, 0, 0, 0)), new(5, now, new(105, 0, 0, 0))], CancellationToken.None);

        await h.SlaSweep.RunAsync(CancellationToken.None);

        Assert.AreEqual(alert.Version, (await h.Alerts.GetAsync(alert.Id, CancellationToken.None))!.Version);
    }

    [TestMethod]
    public async Task Run_TighteningThatWouldNotBringTheDeadlineForward_KeepsItAndWarnsOnce()
    {
        var h = new WorkflowHarness();
        h.Mentions.Add(Mentions.Stored(5));
        await h.NewAlertAsync(mentionId: 5);
        h.Time.Advance(TimeSpan.FromMinutes(50));
        await h.SlaSweep.RunAsync(CancellationToken.None);
        var now = h.Time.GetUtcNow();
        await h.Mentions.AddSnapshotsAsync([new(5, now.AddHours(-1), new(100, 0, 0, 0)), new(5, now, new(1000, 0, 0, 0))], CancellationToken.None);

        await h.SlaSweep.RunAsync(CancellationToken.None);

        // Tightened but not earlier than the old due: nothing moves, so no second warning for the same deadline.
        Assert.HasCount(1, h.Outbox.Keys.Where(n => n.Key.StartsWith("sla:FirstResponse:", StringComparison.Ordinal)));
        Assert.AreEqual(AlertEventKind.SlaWarning, h.Notifier.Events.First().Kind);
    }
}
