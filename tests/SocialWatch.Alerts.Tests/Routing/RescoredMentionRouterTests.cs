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
    public async Task OnRescored_ReasonCodesDropped_AreDroppedFromTheAlert_WhileItsStartedSpreadingReasonStays()
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
        Assert.AreEqual("reposts_doubling|complaint|started_spreading|rule:default", string.Join("|", alert.Reasons.Select(r => r.Code)));
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
}
