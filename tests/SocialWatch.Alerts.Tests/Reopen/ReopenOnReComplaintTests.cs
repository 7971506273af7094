using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Reopen;

[TestClass]
public sealed class ReopenOnReComplaintTests
{
    private static async Task<(WorkflowHarness H, Alert Resolved)> ResolvedCaseAsync()
    {
        var h = new WorkflowHarness();
        var first = Mentions.Stored(1, authorId: "carol");
        h.Mentions.Add(first);
        await h.Router.OnStoredAsync([first], CancellationToken.None);
        var alert = h.Alerts.All.Single();
        var responded = await h.Respond.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);
        var resolved = await h.Resolve.ExecuteAsync(new AlertCommand(alert.Id, responded.Version, "ann"), CancellationToken.None);
        return (h, resolved);
    }

    [TestMethod]
    public async Task NewComplaintWithinTheWindow_ReopensTheCaseWithHigherPriorityAndFreshDeadlines()
    {
        var (h, resolved) = await ResolvedCaseAsync();
        h.Time.Advance(TimeSpan.FromDays(3));
        var again = Mentions.Stored(2, authorId: "carol", text: "Still broken!");
        h.Mentions.Add(again);

        await h.Router.OnStoredAsync([again], CancellationToken.None);

        var reopened = h.Alerts.All.Single();
        Assert.AreEqual((resolved.Id, AlertState.New, AlertPriority.High), (reopened.Id, reopened.State, reopened.Priority));
        Assert.AreEqual(h.Time.GetUtcNow().AddHours(1), reopened.FirstResponseDueAt, "High target from now");
        var audit = await h.Alerts.GetAuditAsync(reopened.Id, CancellationToken.None);
        Assert.AreEqual((AlertState.Resolved, AlertState.New, "system"), (audit[^1].From, audit[^1].To, audit[^1].Actor));
        Assert.AreEqual(AlertEventKind.Reopened, h.Notifier.Events[^1].Kind);
    }

    [TestMethod]
    public async Task APageWithTwoReComplaintsOfOneAuthor_ReopensTheCaseOnce_AndReadsTheAuthorsCasesOncePerPage()
    {
        var (h, resolved) = await ResolvedCaseAsync();
        h.Time.Advance(TimeSpan.FromDays(1));
        var page = new[]
        {
            Mentions.Stored(2, authorId: "carol", text: "Still broken!"),
            Mentions.Stored(3, authorId: "dave", text: "Mine too"),
            Mentions.Stored(4, authorId: "carol", text: "Hello??"),
        };
        foreach (var mention in page)
        {
            h.Mentions.Add(mention);
        }

        h.Queries.Calls.Clear();
        await h.Router.OnStoredAsync(page, CancellationToken.None);

        var reopened = h.Alerts.All.Single(a => a.Id == resolved.Id);
        Assert.AreEqual(AlertState.New, reopened.State, "carol's first mention reopened her case");
        Assert.HasCount(3, h.Alerts.All, "dave's mention and carol's second one raise new cases; the reopened one is not reopened twice");
        Assert.AreEqual(1, h.Queries.Calls["FindRecentlyResolvedAsync(page)"], "the page's authors in one read");
        Assert.AreEqual(1, h.Queries.Calls.GetValueOrDefault("FindRecentlyResolvedAsync"), "looked up alone only after her case changed");
    }

    [TestMethod]
    public async Task TheSameReComplaintHandedOverAgain_RaisesNoSecondAlert()
    {
        // A page whose routing failed after this mention reopened the case is handed over again by the recovery job.
        var (h, resolved) = await ResolvedCaseAsync();
        h.Time.Advance(TimeSpan.FromDays(1));
        var again = Mentions.Stored(2, authorId: "carol", text: "Still broken!");
        h.Mentions.Add(again);
        await h.Router.OnStoredAsync([again], CancellationToken.None);

        await h.Router.OnStoredAsync([again], CancellationToken.None);

        var only = h.Alerts.All.Single();
        Assert.AreEqual(resolved.Id, only.Id);
        Assert.AreEqual(AlertState.New, only.State);
    }

    [TestMethod]
    public async Task NewComplaintAfterTheWindow_OpensANewCase()
    {
        var (h, _) = await ResolvedCaseAsync();
        h.Time.Advance(TimeSpan.FromDays(8));
        var again = Mentions.Stored(2, authorId: "carol");
        h.Mentions.Add(again);

        await h.Router.OnStoredAsync([again], CancellationToken.None);

        Assert.AreEqual("Resolved,New", string.Join(",", h.Alerts.All.Select(a => a.State)));
    }

    [TestMethod]
    public async Task ComplaintFromAnotherAuthor_OpensANewCase()
    {
        var (h, _) = await ResolvedCaseAsync();
        var other = Mentions.Stored(2, authorId: "dave");
        h.Mentions.Add(other);

        await h.Router.OnStoredAsync([other], CancellationToken.None);

        Assert.HasCount(2, h.Alerts.All);
    }

    [TestMethod]
    public async Task ReopenedCase_MustBeRespondedToAgain()
    {
        var (h, _) = await ResolvedCaseAsync();
        var again = Mentions.Stored(2, authorId: "carol");
        h.Mentions.Add(again);
        await h.Router.OnStoredAsync([again], CancellationToken.None);
        h.Notifier.Events.Clear();
        h.Time.Advance(TimeSpan.FromHours(1));

        await h.SlaSweep.RunAsync(CancellationToken.None);

        Assert.AreEqual(AlertEventKind.SlaBreached, h.Notifier.Events.Single().Kind);
    }
}
