using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class DismissAlertTests
{
    [TestMethod]
    public async Task Execute_NotAComplaint_DismissesAndStoresANegativeComplaintLabel()
    {
        var h = new WorkflowHarness();
        h.Mentions.Add(Mentions.Stored(3, text: "Love the new acme app"));
        var alert = await h.NewAlertAsync(mentionId: 3);
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var dismissed = await h.Dismiss.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), DismissReason.NotAComplaint), CancellationToken.None);

        Assert.AreEqual((AlertState.Dismissed, "not-a-complaint"), (dismissed.State, dismissed.DismissReason));
        var label = h.Feedback.Labels.Single();
        Assert.AreEqual(
            ("Love the new acme app", "acme", false, false, "dismissal", 3L, "ann", WorkflowHarness.Start.AddMinutes(1)),
            (label.Text, label.Brand, label.Complaint, label.Escalate, label.Origin, label.MentionId!.Value, label.Actor, label.CreatedAt));
    }

    [TestMethod]
    public async Task Execute_WrongSentiment_StoresTheCorrectedSentiment()
    {
        var h = new WorkflowHarness();
        h.Mentions.Add(Mentions.Stored(3));
        var alert = await h.NewAlertAsync(mentionId: 3);

        await h.Dismiss.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), DismissReason.WrongSentiment, SentimentLabel.Neutral), CancellationToken.None);

        var label = h.Feedback.Labels.Single();
        Assert.AreEqual((SentimentLabel.Neutral, (bool?)null), (label.Sentiment!.Value, label.Complaint));
    }

    [TestMethod]
    public async Task Execute_WrongSentimentWithoutTheCorrectOne_IsRefusedAndChangesNothing()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync(mentionId: 3);

        var refused = await Assert.ThrowsExactlyAsync<InvalidAlertCommandException>(
            () => h.Dismiss.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), DismissReason.WrongSentiment), CancellationToken.None));

        Assert.AreEqual(AlertCommandProblem.CorrectSentimentMissing, refused.Problem);
        Assert.AreEqual(AlertState.New, (await h.Alerts.GetAsync(alert.Id, CancellationToken.None))!.State);
    }

    [TestMethod]
    public async Task Execute_Duplicate_DismissesWithoutALabel()
    {
        var h = new WorkflowHarness();
        h.Mentions.Add(Mentions.Stored(3));
        var alert = await h.NewAlertAsync(mentionId: 3);

        var dismissed = await h.Dismiss.ExecuteAsync(new(new AlertCommand(alert.Id, alert.Version, "ann"), DismissReason.Duplicate), CancellationToken.None);

        Assert.AreEqual("duplicate", dismissed.DismissReason);
        Assert.IsEmpty(h.Feedback.Labels);
    }

    [TestMethod]
    public async Task Execute_RespondedAlert_CannotBeDismissed()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var responded = await h.Respond.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);

        await Assert.ThrowsExactlyAsync<InvalidAlertTransitionException>(
            () => h.Dismiss.ExecuteAsync(new(new AlertCommand(alert.Id, responded.Version, "ann"), DismissReason.Spam), CancellationToken.None));

        Assert.IsEmpty(h.Feedback.Labels);
    }
}
