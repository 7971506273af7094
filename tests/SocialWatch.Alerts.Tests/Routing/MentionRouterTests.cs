using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Tests.Routing;

[TestClass]
public sealed class MentionRouterTests
{
    [TestMethod]
    public async Task OnStored_RaisesAlertForTheMatchingRule_WithDeadlinesAndEvent()
    {
        var h = new WorkflowHarness();
        h.Rules.Rules.Add(new RoutingRule { Name = "vip", Order = 1, Team = "pr", Priority = AlertPriority.Urgent, Conditions = new() { MinFollowers = 50_000 } });
        var mention = Mentions.Stored(7, followers: 80_000, reasons: [new Reason(ReasonCodes.AuthorReach, "author reach 80k", 0.4f)]);
        h.Mentions.Add(mention);

        await h.Router.OnStoredAsync([mention], CancellationToken.None);

        var alert = h.Alerts.All.Single();
        Assert.AreEqual(("pr", AlertPriority.Urgent, 7L, AlertKind.Mention), (alert.Team, alert.Priority, alert.MentionId!.Value, alert.Kind));
        Assert.AreEqual(WorkflowHarness.Start.AddMinutes(30), alert.FirstResponseDueAt, "urgent first response in the default policy");
        Assert.AreEqual("author_reach=author reach 80k|rule:vip=rule: vip", string.Join("|", alert.Reasons.Select(r => $"{r.Code}={r.Text}")));
        Assert.AreEqual(AlertEventKind.Created, h.Notifier.Events.Single().Kind);
    }

    [TestMethod]
    public async Task OnStored_SameMentionHandedOverTwice_RaisesOneAlert()
    {
        var h = new WorkflowHarness();
        var mention = Mentions.Stored(1);
        h.Mentions.Add(mention);

        await h.Router.OnStoredAsync([mention], CancellationToken.None);
        await h.Router.OnStoredAsync([mention], CancellationToken.None);

        Assert.HasCount(1, h.Alerts.All);
    }

    [TestMethod]
    public async Task OnStored_RedactedOrNonComplaintMentions_RaiseNothing()
    {
        var h = new WorkflowHarness();
        var redacted = Mentions.Stored(1) with { Redacted = true };
        var praise = Mentions.Stored(2, sentiment: Core.Scoring.SentimentLabel.Positive, complaint: 0.01f, level: Core.Scoring.EscalationLevel.Low);

        await h.Router.OnStoredAsync([redacted, praise], CancellationToken.None);

        Assert.IsEmpty(h.Alerts.All);
    }

    [TestMethod]
    public async Task OnStored_RoundRobinTeam_AssignsTheAlert()
    {
        var h = new WorkflowHarness();
        h.Teams.Add(new TeamProfile { Name = "social-care", Assignment = AssignmentMode.RoundRobin, Members = [new("ann", null, 5), new("bob", null, 5)] });
        var mentions = new[] { Mentions.Stored(1, authorId: "a"), Mentions.Stored(2, authorId: "b"), Mentions.Stored(3, authorId: "c") };

        await h.Router.OnStoredAsync(mentions, CancellationToken.None);

        Assert.AreEqual("ann,bob,ann", string.Join(",", h.Alerts.All.Select(a => a.AssignedTo)));
    }

    [TestMethod]
    public async Task OnStored_APageOfRoutedMentions_ReadsHandledMentionsTheAuthorsCasesAndTheTeamsLoadOncePerPage()
    {
        var h = new WorkflowHarness();
        h.Teams.Add(new TeamProfile { Name = "social-care", Assignment = AssignmentMode.RoundRobin, Members = [new("ann", null, 2), new("bob", null, 50)] });
        var page = Enumerable.Range(1, 40).Select(i => Mentions.Stored(i, authorId: "author" + i)).ToArray();
        foreach (var mention in page)
        {
            h.Mentions.Add(mention);
        }

        await h.Router.OnStoredAsync(page[..10], CancellationToken.None);
        await h.Router.OnStoredAsync(page, CancellationToken.None);

        Assert.HasCount(40, h.Alerts.All, "the first ten were handled already when the whole page came again");
        Assert.AreEqual(2, h.Queries.Calls["FindHandledMentionsAsync"], "one read per page");
        Assert.IsFalse(h.Queries.Calls.ContainsKey("HasAlertForMentionAsync"), "no read per mention");
        Assert.AreEqual(2, h.Queries.Calls["CountOpenByAssigneeAsync"], "the team's load once per page");
        Assert.AreEqual(2, h.Queries.Calls["FindRecentlyResolvedAsync(page)"], "the authors' resolved cases once per page");
        Assert.IsFalse(h.Queries.Calls.ContainsKey("FindRecentlyResolvedAsync"), "no re-complaint look-up per mention");
        Assert.AreEqual(2, h.Alerts.All.Count(a => a.AssignedTo == "ann"), "ann's capacity of two holds within a page, counted in memory");
        Assert.AreEqual(38, h.Alerts.All.Count(a => a.AssignedTo == "bob"));
    }

    [TestMethod]
    public void TitleFor_CollapsesWhitespaceAndCapsLength()
    {
        var mention = Mentions.Stored(1, text: "line one\n\n  line two " + new string('x', 400)).Mention;

        var title = MentionRouter.TitleFor(mention);

        Assert.StartsWith("@handle_u1: line one line two x", title);
        Assert.AreEqual(MentionRouter.MaxTitleLength, title.Length);
    }

    [TestMethod]
    public async Task OnStored_EmptyBatch_ReadsNothing()
    {
        var h = new WorkflowHarness();

        await h.Router.OnStoredAsync(Array.Empty<StoredMention>(), CancellationToken.None);

        Assert.IsEmpty(h.Alerts.All);
    }
}
