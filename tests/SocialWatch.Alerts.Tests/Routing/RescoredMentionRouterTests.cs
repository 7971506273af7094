using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Routing;

[TestClass]
public sealed class RescoredMentionRouterTests
{
    private static readonly Reason s_complaint = new(ReasonCodes.Complaint, "complaint", 0.9f);
    private static readonly EngagementVelocity s_fast = new(600, 2_400, TimeSpan.FromMinutes(6)) { Window = TimeSpan.FromMinutes(2) };

    [TestMethod]
    public async Task OnRescored_ReplannedOpenAlert_CarriesTheNewScoresReasons_AndKeepsWhatRoutingAdded()
    {
        var h = new WorkflowHarness();
        var stored = Mentions.Stored(5, reasons: [s_complaint]);
        h.Mentions.Add(stored);
        await h.Router.OnStoredAsync([stored], CancellationToken.None);
        var before = h.Alerts.All.Single();
        var rescored = Mentions.Stored(5, level: EscalationLevel.High, reasons: [new(ReasonCodes.RepostsDoubling, "reposts doubling every 6 min", 0.9f), s_complaint]);

        await h.RescoreRouter.OnRescoredAsync([new RescoredMention(rescored, stored.Score, s_fast)], CancellationToken.None);

        var after = h.Alerts.All.Single();
        Assert.AreEqual("complaint|rule:default", string.Join("|", before.Reasons.Select(r => r.Code)));
        Assert.IsGreaterThan((int)before.Priority, (int)after.Priority, "re-planned");
        Assert.AreEqual("reposts_doubling|complaint|rule:default", string.Join("|", after.Reasons.Select(r => r.Code)), "the alert says why it rose");
        Assert.AreEqual("reposts doubling every 6 min", after.Reasons[0].Text);
    }

    [TestMethod]
    public async Task OnRescored_SpreadingReasons_StayOnTheAlertOnceGiven_WhileANewOneIsAdded()
    {
        var h = new WorkflowHarness();
        var quiet = Mentions.Stored(6, complaint: 0.2f, level: EscalationLevel.Low, reasons: [s_complaint]);
        var hot = Mentions.Stored(6, complaint: 0.2f, level: EscalationLevel.High, reasons: [new(ReasonCodes.RepostRate, "600 reposts/h", 0.9f), s_complaint]);
        await h.RescoreRouter.OnRescoredAsync([new RescoredMention(hot, quiet.Score, s_fast)], CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(2));
        var hotter = Mentions.Stored(6, complaint: 0.2f, level: EscalationLevel.Critical, reasons: [new(ReasonCodes.RepostsDoubling, "reposts doubling every 4 min", 0.95f), s_complaint]);

        await h.RescoreRouter.OnRescoredAsync([new RescoredMention(hotter, hot.Score, s_fast)], CancellationToken.None);

        var alert = h.Alerts.All.Single();
        Assert.AreEqual(AlertPriority.Urgent, alert.Priority);
        Assert.AreEqual("reposts_doubling|complaint|repost_rate|started_spreading|rule:default", string.Join("|", alert.Reasons.Select(r => r.Code)));
    }

    [TestMethod]
    public async Task OnRescored_OnlyTheFiguresInAReasonChange_LeavesTheAlertAlone()
    {
        var h = new WorkflowHarness();
        var stored = Mentions.Stored(7, level: EscalationLevel.High, reasons: [new(ReasonCodes.RepostRate, "40 reposts/h", 0.5f), s_complaint]);
        h.Mentions.Add(stored);
        await h.Router.OnStoredAsync([stored], CancellationToken.None);
        var before = h.Alerts.All.Single();
        var rescored = Mentions.Stored(7, level: EscalationLevel.High, reasons: [new(ReasonCodes.RepostRate, "41 reposts/h", 0.5f), s_complaint]);

        await h.RescoreRouter.OnRescoredAsync([new RescoredMention(rescored, stored.Score, Velocity: null)], CancellationToken.None);

        Assert.AreEqual(before.Version, h.Alerts.All.Single().Version, "an agent's next action does not conflict with a refresh that changed nothing a person reads differently");
    }

    [TestMethod]
    public async Task OnRescored_ARefreshThatSawNoMovement_KeepsTheSpreadingReason_SoItDoesNotFlicker()
    {
        var h = new WorkflowHarness();
        var doubling = new Reason(ReasonCodes.RepostsDoubling, "reposts doubling every 6 min", 0.9f);
        var stored = Mentions.Stored(8, level: EscalationLevel.High, reasons: [s_complaint]);
        h.Mentions.Add(stored);
        await h.Router.OnStoredAsync([stored], CancellationToken.None);
        var spreading = Mentions.Stored(8, level: EscalationLevel.High, reasons: [doubling, s_complaint]);
        var paused = Mentions.Stored(8, level: EscalationLevel.High, reasons: [s_complaint]);
        await h.RescoreRouter.OnRescoredAsync([new RescoredMention(spreading, stored.Score, s_fast)], CancellationToken.None);
        var afterSpreading = h.Alerts.All.Single();

        // Reads 10 s apart: one sees growth, the next none, as a fast cadence does between bursts.
        for (var i = 0; i < 6; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(10));
            var (now, before) = i % 2 == 0 ? (paused, spreading) : (spreading, paused);
            await h.RescoreRouter.OnRescoredAsync([new RescoredMention(now, before.Score, i % 2 == 0 ? null : s_fast)], CancellationToken.None);
        }

        var alert = h.Alerts.All.Single();
        Assert.AreEqual(afterSpreading.Version, alert.Version, "nothing a person reads differently changed");
        Assert.AreEqual("reposts_doubling|complaint|rule:default", string.Join("|", alert.Reasons.Select(r => r.Code)));
    }

    [TestMethod]
    public void ReplanNote_WhenOnlyTheReasonsChanged_SaysSo()
    {
        var note = RescoredMentionRouter.ReplanNote(AlertPriority.High, AlertPriority.High, velocity: null, deadlinesMoved: false);

        Assert.AreEqual("Re-scored; reasons updated", note);
    }

    [TestMethod]
    [DataRow(0.5, "doubling every under a minute")]
    [DataRow(6.0, "doubling every 6 min")]
    [DataRow(90.0, "doubling every 1.5 h")]
    public void ReplanNote_SaysTheDoublingTimeAsAPersonWould(double minutes, string expected)
    {
        var velocity = new EngagementVelocity(600, 2_400, TimeSpan.FromMinutes(minutes));

        var note = RescoredMentionRouter.ReplanNote(AlertPriority.Normal, AlertPriority.Urgent, velocity);

        StringAssert.Contains(note, expected);
        StringAssert.Contains(note, "priority Normal -> Urgent");
    }

    [TestMethod]
    public async Task OnRescored_SpreadingReasonsTakingTurns_WriteTheAlertOnceEach()
    {
        var h = new WorkflowHarness();
        var doubling = new Reason(ReasonCodes.RepostsDoubling, "reposts doubling every 6 min", 0.9f);
        var rate = new Reason(ReasonCodes.InteractionsInWindow, "360 interactions in 10 min", 0.8f);
        var stored = Mentions.Stored(9, level: EscalationLevel.High, reasons: [s_complaint]);
        h.Mentions.Add(stored);
        await h.Router.OnStoredAsync([stored], CancellationToken.None);
        var first = Mentions.Stored(9, level: EscalationLevel.High, reasons: [doubling, s_complaint]);
        var second = Mentions.Stored(9, level: EscalationLevel.High, reasons: [rate, s_complaint]);
        await h.RescoreRouter.OnRescoredAsync([new RescoredMention(first, stored.Score, s_fast)], CancellationToken.None);
        await h.RescoreRouter.OnRescoredAsync([new RescoredMention(second, first.Score, s_fast)], CancellationToken.None);
        var bothSeen = h.Alerts.All.Single();

        for (var i = 0; i < 6; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(10));
            var (now, before) = i % 2 == 0 ? (first, second) : (second, first);
            await h.RescoreRouter.OnRescoredAsync([new RescoredMention(now, before.Score, s_fast)], CancellationToken.None);
        }

        Assert.AreEqual(bothSeen.Version, h.Alerts.All.Single().Version, "reasons taking turns change nothing a person reads differently");
        var codes = h.Alerts.All.Single().Reasons.Select(r => r.Code).ToList();
        Assert.Contains("reposts_doubling", codes);
        Assert.Contains("interactions_in_window", codes);
    }
}
