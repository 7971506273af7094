using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Alerts.Spread;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Web.Pages;

/// <summary>The alert page as served HTML, so that it is checked where no browser is installed.</summary>
[TestClass]
public sealed class DetailModelTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task AlertPage_ListsEachReasonsText_Encoded()
    {
        // One alert per mention is enforced by the store, so the reasons are given to an alert of its own kind.
        var alerts = s_app.Services.GetRequiredService<IAlertStore>();
        var alert = await alerts.CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Spike,
                Brand = "Acme Air",
                Team = "care",
                Priority = AlertPriority.High,
                Title = "reasons page",
                Reasons = [new Reason(ReasonCodes.Complaint, "complaint", 0.96f), ReasonCodes.Rule("<b>vip</b>")],
                CreatedAt = DateTimeOffset.UtcNow,
                Actor = "routing",
            },
            CancellationToken.None);
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        var html = await client.Http.GetStringAsync($"/alerts/{alert.Id}");

        StringAssert.Contains(html, "<li>complaint</li>");
        StringAssert.Contains(html, "<li>rule: &lt;b&gt;vip&lt;/b&gt;</li>");
        Assert.IsFalse(html.Contains("96%", StringComparison.Ordinal), "the strength is not in the label");
    }

    [TestMethod]
    public async Task AlertPage_ShowsProjectedReachWithItsIntervalConfidenceAndMethod_BesideTheLine()
    {
        var alert = await s_app.AddAlertAsync("the crew lost my guitar", createdAt: DateTimeOffset.UtcNow.AddMinutes(-40));
        var now = DateTimeOffset.UtcNow;
        await s_app.Services.GetRequiredService<IMentionStore>().AddSnapshotsAsync(
            [new(alert.MentionId!.Value, now.AddMinutes(-20), new(40, 10, 5, 0)), new(alert.MentionId.Value, now.AddMinutes(-10), new(90, 30, 10, 2)), new(alert.MentionId.Value, now, new(200, 60, 20, 4))],
            CancellationToken.None);
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        var html = await client.Http.GetStringAsync($"/alerts/{alert.Id}");

        StringAssert.Contains(html, "Projected reach");
        StringAssert.Contains(html, ReachProjector.MethodName);
        StringAssert.Matches(html, new System.Text.RegularExpressions.Regex("class=\"reach\"[^>]*>&#x2248; [0-9.k]+ at 24 h \\([0-9.k]+&#x2013;[0-9.k]+\\) interactions<"));
        StringAssert.Matches(html, new System.Text.RegularExpressions.Regex("<dt>Confidence</dt><dd class=\"confidence-(low|medium|high)\">(low|medium|high)</dd>"));
        StringAssert.Contains(html, "aria-label=\"Interactions over 20 min: 55 to 284 (3 readings)\"");
        StringAssert.Contains(html, $"/charts/engagement/{alert.MentionId}.svg");
    }

    [TestMethod]
    public async Task AlertPage_BeforeTwoRefreshes_SaysWhenTheProjectionComes()
    {
        var alert = await s_app.AddAlertAsync("no refund yet");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        var html = await client.Http.GetStringAsync($"/alerts/{alert.Id}");

        StringAssert.Contains(html, "Projected reach appears after two engagement refreshes");
        Assert.IsFalse(html.Contains("<svg class=\"sparkline\"", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task AlertPage_ForPr_IsReadOnly_AndItsActionsAreRefused()
    {
        var alert = await s_app.AddAlertAsync("delayed again, third time");
        using var pr = new WebClient(s_app.BaseAddress);
        await pr.SignInAsync("pr");

        var html = await pr.Http.GetStringAsync($"/alerts/{alert.Id}");
        var token = await pr.GetFormTokenAsync($"/alerts/{alert.Id}");
        using var claim = await pr.Http.PostAsync($"/alerts/{alert.Id}?handler=Claim", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = alert.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));
        var after = await s_app.Services.GetRequiredService<IAlertStore>().GetAsync(alert.Id, CancellationToken.None);

        StringAssert.Contains(html, "delayed again, third time");
        Assert.IsFalse(html.Contains("handler=Claim", StringComparison.Ordinal), "no action forms for PR");
        StringAssert.Contains(html, "<a href=\"/dashboard\" accesskey=\"b\">", "PR goes back to the dashboard, not to a queue it may not open");
        Assert.AreEqual(HttpStatusCode.Redirect, claim.StatusCode);
        StringAssert.Contains(claim.Headers.Location?.OriginalString ?? "", "/denied");
        Assert.IsNull(after!.AssignedTo);
        Assert.AreEqual(alert.Version, after.Version);
    }

    [TestMethod]
    public async Task AlertPage_ForAnAgent_StillOffersTheActions()
    {
        var alert = await s_app.AddAlertAsync("where is my wheelchair");
        using var agent = new WebClient(s_app.BaseAddress);
        await agent.SignInAsync("agent");

        var html = await agent.Http.GetStringAsync($"/alerts/{alert.Id}");

        StringAssert.Contains(html, "handler=Claim");
    }
}
