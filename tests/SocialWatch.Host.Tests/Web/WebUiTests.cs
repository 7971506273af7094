using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Web;

/// <summary>The pages in a real browser against the real host on SQLite.</summary>
[TestClass]
public sealed class WebUiTests
{
    private static WebTestApp s_app = null!;
    private static Browser s_browser = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        // CI machines are shared and slow at times; a live update that needs more than the default 5 s is still live.
        Assertions.SetDefaultExpectTimeout(15_000);
        s_browser = await Browser.LaunchAsync();
        s_app = await WebTestApp.StartAsync();
        await s_app.AddAlertAsync("@AcmeAir lost my wheelchair on AA512, I will sue if it is not found today", priority: AlertPriority.Urgent);
        await s_app.AddAlertAsync("Third delay this week, done with @AcmeAir", source: "reddit", priority: AlertPriority.Normal);
        await s_app.AddAlertAsync("Refund still missing after 6 weeks #acmeair", brand: "Acme Rail", source: "mastodon", priority: AlertPriority.High);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (s_app is not null)
        {
            await s_app.DisposeAsync();
        }

        if (s_browser is not null)
        {
            await s_browser.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task Agent_SeesTriageQueue_ButNotDashboardOrAdmin()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "agent");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/triage$"));
        await Assertions.Expect(page.Locator("tr.alert-row").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, TestContext, "agent-triage");
        var nav = await page.Locator("header nav").InnerTextAsync();
        await page.GotoAsync("/dashboard");
        await Screenshots.TakeAsync(page, TestContext, "agent-denied-dashboard");

        StringAssert.Contains(nav, "Triage queue");
        Assert.IsFalse(nav.Contains("Admin", StringComparison.Ordinal) || nav.Contains("dashboard", StringComparison.OrdinalIgnoreCase), nav);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
    }

    [TestMethod]
    public async Task Pr_SeesDashboard_ButNotTriageOrAdmin()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "pr");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        var nav = await page.Locator("header nav").InnerTextAsync();
        await page.GotoAsync("/triage");
        var triage = await page.Locator("h1").InnerTextAsync();
        await page.GotoAsync("/admin");

        Assert.IsFalse(nav.Contains("Triage", StringComparison.Ordinal) || nav.Contains("Admin", StringComparison.Ordinal), nav);
        Assert.AreEqual("Not allowed", triage);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
    }

    [TestMethod]
    public async Task Manager_SeesQueueAndDashboard_ButNotAdmin()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "manager");

        await page.GotoAsync("/triage");
        await Assertions.Expect(page.Locator("tr.alert-row").First).ToBeVisibleAsync();
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What is spreading now");
        await page.GotoAsync("/admin");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
    }

    [TestMethod]
    public async Task Admin_SeesAdminPages_ButNotTheQueue()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Screenshots.TakeAsync(page, TestContext, "admin-audit");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("td", new() { HasTextString = "manager" }).First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, TestContext, "admin-users");
        await page.GotoAsync("/admin/teams");
        await Screenshots.TakeAsync(page, TestContext, "admin-teams");
        await page.GotoAsync("/triage");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
    }

    [TestMethod]
    public async Task Admin_CreatesApiKey_ShownOnceAndStoredHashed()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/apikeys");

        await page.FillAsync("input[name=Name]", "push from CRM");
        await page.CheckAsync("input[name=Scopes][value=push]");
        await page.ClickAsync("form[action*=Create] button[type=submit]");
        var key = await page.Locator("#new-key").InnerTextAsync();
        await Screenshots.TakeAsync(page, TestContext, "admin-apikey-created");
        await page.GotoAsync("/admin/apikeys");

        StringAssert.StartsWith(key, "sw_");
        Assert.AreEqual(0, await page.Locator("#new-key").CountAsync());
        StringAssert.Contains(await page.ContentAsync(), "push from CRM");
        Assert.IsFalse((await page.ContentAsync()).Contains(key, StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Admin_RoutingRuleForUnknownTeam_IsRefusedWithClearMessage_ThenSavedForARealTeam()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/teams");
        await page.FillAsync("input[name='Input.Name']", "vip-care");
        await page.FillAsync("textarea[name='Input.Members']", "manager");
        await page.ClickAsync("form[action*=Save] button[type=submit]");
        await Assertions.Expect(page.Locator("td", new() { HasTextString = "vip-care" })).ToBeVisibleAsync();

        await page.GotoAsync("/admin/rules");
        await page.FillAsync("input[name='Input.Name']", "VIP authors");
        await page.ClickAsync("form[action*=Save] button[type=submit]");
        await Screenshots.TakeAsync(page, TestContext, "admin-rules-invalid");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("needs an existing team");
        await page.FillAsync("input[name='Input.MinFollowers']", "100000");
        await page.SelectOptionAsync("select[name='Input.Team']", "vip-care");
        await page.ClickAsync("form[action*=Save] button[type=submit]");
        await Screenshots.TakeAsync(page, TestContext, "admin-rules");

        await Assertions.Expect(page.Locator("td", new() { HasTextString = "followers ≥ 100000" })).ToBeVisibleAsync();
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator("table.audit-log")).ToContainTextAsync("admin");
    }

    [TestMethod]
    public async Task Admin_AddsABrand_SeesClearErrorsFirst_PreviewsItsQueries_ThenFindsItListed()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/brands");
        await Assertions.Expect(page.Locator("table.brands")).ToContainTextAsync("from configuration");

        await page.FillAsync("input[name='Input.Name']", "Umbrella Corp");
        await page.FillAsync("textarea[name='Input.Handles']", "@UmbrellaCorp, umbrella_help");
        await page.FillAsync("textarea[name='Input.Keywords']", "Umbrella Corporation\numbrella pharma");
        await page.FillAsync("textarea[name='Input.ExcludedTerms']", "umbrella stand");
        await page.FillAsync("input[name='Input.Subreddits']", "r/umbrella, not a sub!");
        await page.FillAsync("input[name='Input.Languages']", "en, english");
        await page.FillAsync("textarea[name='Input.Feeds']", "reviews https://reviews.example/umbrella.rss");
        await page.FillAsync("input[name='Input.RetentionDays']", "180");
        await page.ClickAsync("#brand-form button[formaction*=Save]");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("Language 'english' is not an ISO 639-1 code");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("Subreddit 'not a sub!' is not a subreddit name");
        await Screenshots.TakeAsync(page, TestContext, "admin-brands-invalid");
        await page.FillAsync("input[name='Input.Subreddits']", "r/umbrella");
        await page.FillAsync("input[name='Input.Languages']", "en, de");
        await page.ClickAsync("#brand-form button[formaction*=Preview]");
        await Assertions.Expect(page.Locator("#brand-preview")).ToContainTextAsync(
            "(@UmbrellaCorp OR @umbrella_help OR \"Umbrella Corporation\" OR \"umbrella pharma\") -\"umbrella stand\" -is:retweet (lang:en OR lang:de)");
        await page.ClickAsync("#brand-form button[formaction*=Save]");

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Brand Umbrella Corp saved (version 1)");
        var row = page.Locator("table.brands tr", new() { HasTextString = "Umbrella Corp" });
        await Assertions.Expect(row).ToContainTextAsync("r/umbrella");
        await Assertions.Expect(row).ToContainTextAsync("#umbrellacorp");
        await Assertions.Expect(row).ToContainTextAsync("https://reviews.example/umbrella.rss");
        await Assertions.Expect(row).ToContainTextAsync("180 days");
        await Screenshots.TakeAsync(page, TestContext, "admin-brands");
        await page.ClickAsync("table.brands tr:has-text('Umbrella Corp') a:has-text('Edit')");
        await Assertions.Expect(page.Locator("input[name='Input.Name']")).Not.ToBeEditableAsync();
        await Assertions.Expect(page.Locator("input[name='Input.Name']")).ToHaveValueAsync("Umbrella Corp");
        await Screenshots.TakeAsync(page, TestContext, "admin-brands-edit");
    }

    [TestMethod]
    public async Task Admin_SlaPolicyWithResolutionBeforeResponse_IsRefused()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/sla");

        await page.FillAsync("input[name='Input.Name']", "vip");
        await page.FillAsync("input[name='Input.Targets[0].FirstResponseHours']", "2");
        await page.FillAsync("input[name='Input.Targets[0].ResolutionHours']", "1");
        await page.ClickAsync("form[action*=Save] button[type=submit]");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("resolution cannot be due before the first response");
        await page.FillAsync("input[name='Input.Targets[0].ResolutionHours']", "6");
        await page.ClickAsync("form[action*=Save] button[type=submit]");
        await Screenshots.TakeAsync(page, TestContext, "admin-sla");

        await Assertions.Expect(page.Locator("td", new() { HasTextString = "2 h / 6 h" })).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task Admin_CreatesDigestWithClearErrorsFirst_ThenPreviewsIt()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/digests");

        await page.FillAsync("input[name='Input.Name']", "Morning brief");
        await page.FillAsync("input[name='Input.Recipients']", "not-an-address");
        await page.FillAsync("input[name='Input.TimeZone']", "Mars/Olympus");
        await page.ClickAsync("form[action*=Create] button[type=submit]");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("is not an e-mail address");
        await page.FillAsync("input[name='Input.Recipients']", "lead@example.com");
        await page.FillAsync("input[name='Input.TimeZone']", "Europe/Berlin");
        await page.ClickAsync("form[action*=Create] button[type=submit]");
        await Assertions.Expect(page.Locator("td", new() { HasTextString = "lead@example.com" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, TestContext, "admin-digests");
        var href = await page.Locator("a", new() { HasTextString = "Preview" }).First.GetAttributeAsync("href");
        var preview = await page.APIRequest.GetAsync(href!);

        Assert.AreEqual(200, preview.Status);
        StringAssert.StartsWith(preview.Headers["content-security-policy"], "sandbox");
        StringAssert.Contains(await preview.TextAsync(), "Morning brief");
    }

    [TestMethod]
    public async Task Admin_CreatingUserWithShortPassword_GetsClearMessage()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/users");

        await page.FillAsync("input[name='Input.UserName']", "new.agent");
        await page.FillAsync("input[name='Input.Password']", "short");
        await page.CheckAsync("input[name='Input.Roles'][value=agent]");
        await page.ClickAsync("form[action*=Create] button[type=submit]");
        await Screenshots.TakeAsync(page, TestContext, "admin-user-validation");

        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("at least 12 characters");
        Assert.IsNull(await s_app.FindUserAsync("new.agent"));
    }

    [TestMethod]
    public async Task Agent_ClaimsAndResolves_WhileSecondBrowserSeesQueueUpdateLive()
    {
        var alert = await s_app.AddAlertAsync("My bag went to Lisbon and I did not, @AcmeAir", priority: AlertPriority.Urgent);
        var watcher = await s_browser.SignInAsync(s_app.BaseAddress, "manager");
        await watcher.GotoAsync("/triage");
        await Assertions.Expect(watcher.Locator(".live-status")).ToHaveTextAsync("live");
        var watchedRow = watcher.Locator($"tr.alert-row[data-id='{alert.Id}']");
        await Assertions.Expect(watchedRow.Locator("td.state")).ToHaveTextAsync(new Regex("^\\s*New\\s*$"));
        var agent = await s_browser.SignInAsync(s_app.BaseAddress, "agent");

        await agent.GotoAsync($"/alerts/{alert.Id}");
        await agent.ClickAsync("form[action*=Claim] button");
        await Assertions.Expect(watchedRow.Locator("td.state")).ToContainTextAsync("agent");
        await Screenshots.TakeAsync(watcher, TestContext, "live-queue-after-claim");
        await agent.FillAsync("form[action*=Respond] textarea[name=note]", "Sorry! We found the bag and a courier brings it tonight.");
        await agent.ClickAsync("form[action*=Respond] button");
        await Assertions.Expect(watchedRow.Locator("td.state")).ToContainTextAsync("Responded");
        await agent.FillAsync("form[action*=Resolve] input[name=note]", "Bag delivered to the customer's hotel");
        await agent.ClickAsync("form[action*=Resolve] button");
        await Screenshots.TakeAsync(agent, TestContext, "alert-resolved");

        await Assertions.Expect(watchedRow).ToHaveCountAsync(0);
        await Assertions.Expect(agent.Locator(".alert-state")).ToHaveTextAsync("Resolved");
        var stored = await s_app.Services.GetRequiredService<IAlertStore>().GetAsync(alert.Id, CancellationToken.None);
        Assert.AreEqual(AlertState.Resolved, stored!.State);
        Assert.AreEqual("agent", stored.AssignedTo);
    }

    [TestMethod]
    public async Task LiveQueue_WhenTheStreamReconnects_RefreshesAtOnce_SinceChangesMadeMeanwhileAreNotReplayed()
    {
        var alert = await s_app.AddAlertAsync("Third delay this month and nobody at the gate @AcmeAir", priority: AlertPriority.High);
        var watcher = await s_browser.SignInAsync(s_app.BaseAddress, "manager");

        // A stream that greets and then drops, as one does across a proxy timeout or a server restart: the browser
        // reconnects (after the half second the server asks for) and is greeted again, but hears of no change.
        var connections = 0;
        await watcher.RouteAsync("**/live/alerts", route =>
        {
            Interlocked.Increment(ref connections);
            return route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = "retry: 500\nevent: hello\ndata: {}\n\n" });
        });
        await watcher.GotoAsync("/triage");
        var watchedRow = watcher.Locator($"tr.alert-row[data-id='{alert.Id}']");
        await Assertions.Expect(watchedRow.Locator("td.state")).ToHaveTextAsync(new Regex("^\\s*New\\s*$"));

        var agent = await s_browser.SignInAsync(s_app.BaseAddress, "agent");
        await agent.GotoAsync($"/alerts/{alert.Id}");
        await agent.ClickAsync("form[action*=Claim] button");
        await agent.WaitForLoadStateAsync();

        // Well inside the page's 60-second refresh: a reconnect refreshes the queue.
        await Assertions.Expect(watchedRow.Locator("td.state")).ToContainTextAsync("agent", new() { Timeout = 10_000 });
        Assert.IsGreaterThanOrEqualTo(2, Volatile.Read(ref connections), "the stream reconnected");
        var stored = await s_app.Services.GetRequiredService<IAlertStore>().GetAsync(alert.Id, CancellationToken.None);
        Assert.AreEqual("agent", stored!.AssignedTo);
    }

    [TestMethod]
    public async Task Agent_RecordsPromiseAndDismissesWithReason()
    {
        var promised = await s_app.AddAlertAsync("Still waiting for the call back you promised @AcmeAir");
        var dismissed = await s_app.AddAlertAsync("Acme Air's new livery is so ugly lol");
        var agent = await s_browser.SignInAsync(s_app.BaseAddress, "agent");

        await agent.GotoAsync($"/alerts/{promised.Id}");
        await agent.FillAsync("form[action*=Promise] input[name=text]", "Call back about the refund");
        await agent.FillAsync("form[action*=Promise] input[name=dueInHours]", "4");
        await agent.ClickAsync("form[action*=Promise] button");
        await Assertions.Expect(agent.Locator(".promises")).ToContainTextAsync("Call back about the refund");
        await Screenshots.TakeAsync(agent, TestContext, "alert-promise");
        await agent.GotoAsync($"/alerts/{dismissed.Id}");
        await agent.SelectOptionAsync("form[action*=Dismiss] select[name=reason]", "NotAComplaint");
        await agent.ClickAsync("form[action*=Dismiss] button");

        await Assertions.Expect(agent.Locator(".alert-state")).ToHaveTextAsync("Dismissed");
        var stored = await s_app.Services.GetRequiredService<IAlertStore>().GetAsync(dismissed.Id, CancellationToken.None);
        Assert.AreEqual("not-a-complaint", stored!.DismissReason);
    }

    [TestMethod]
    public async Task MentionWithHtml_RendersAsText()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var alert = await s_app.AddAlertAsync(hostile, url: "javascript:alert(2)");
        var agent = await s_browser.SignInAsync(s_app.BaseAddress, "agent");
        var dialogs = 0;
        agent.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await agent.GotoAsync("/triage");
        await Assertions.Expect(agent.Locator($"tr.alert-row[data-id='{alert.Id}'] td.title a")).ToHaveTextAsync(hostile);
        await agent.GotoAsync($"/alerts/{alert.Id}");
        await Screenshots.TakeAsync(agent, TestContext, "alert-hostile-text");

        await Assertions.Expect(agent.Locator("blockquote.mention-text")).ToHaveTextAsync(hostile);
        Assert.AreEqual(0, await agent.Locator("img[src=x]").CountAsync());
        Assert.AreEqual(0, await agent.Locator("a[href^='javascript:']").CountAsync());
        Assert.AreEqual(0, dialogs);
        StringAssert.Contains(await agent.Locator(".author").InnerTextAsync(), "Angry <b>Flyer</b>");
    }

    [TestMethod]
    public async Task AlertPage_ShowsAuthorReachReasonsAndSafeLink()
    {
        var alert = await s_app.AddAlertAsync("Cancelled again and no hotel, @AcmeAir this is a disgrace");
        var agent = await s_browser.SignInAsync(s_app.BaseAddress, "agent");

        await agent.GotoAsync($"/alerts/{alert.Id}");
        var link = agent.Locator("a.external");

        await Assertions.Expect(agent.Locator(".author")).ToContainTextAsync("48k followers");
        await Assertions.Expect(agent.Locator("ul.reasons")).ToContainTextAsync("legal threat");
        Assert.AreEqual("noopener noreferrer", await link.GetAttributeAsync("rel"));
        StringAssert.StartsWith(await link.GetAttributeAsync("href"), "https://");
        Assert.IsTrue(await agent.Locator("img.chart").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
    }

    [TestMethod]
    public async Task Triage_FiltersAndKeyboardOpenAlert()
    {
        var agent = await s_browser.SignInAsync(s_app.BaseAddress, "agent");

        await agent.GotoAsync("/triage?source=mastodon");
        var rows = await agent.Locator("tr.alert-row td.title .meta").AllInnerTextsAsync();
        await Screenshots.TakeAsync(agent, TestContext, "agent-triage-filtered");
        await agent.Keyboard.PressAsync("j");
        await agent.Keyboard.PressAsync("Enter");

        Assert.IsTrue(rows.Count > 0 && rows.All(r => r.Contains("mastodon", StringComparison.Ordinal)), string.Join(" | ", rows));
        await Assertions.Expect(agent).ToHaveURLAsync(new Regex("/alerts/\\d+$"));
    }

    [TestMethod]
    public async Task Dashboard_PutsTheFastestGrowingRiskFirst()
    {
        var rising = await s_app.AddAlertAsync("This thread about @AcmeAir losing pets is everywhere now");
        var now = DateTimeOffset.UtcNow;
        await s_app.Services.GetRequiredService<IMentionStore>().AddSnapshotsAsync(
        [
            new(rising.MentionId!.Value, now.AddHours(-1), new SocialWatch.Core.Mentions.EngagementMetrics(50, 30, 15, 5)),
            new(rising.MentionId!.Value, now, new SocialWatch.Core.Mentions.EngagementMetrics(400, 200, 80, 20)),
        ],
        CancellationToken.None);
        var pr = await s_browser.SignInAsync(s_app.BaseAddress, "pr");

        await pr.GotoAsync("/dashboard");
        var first = pr.Locator("table.risks tbody tr").First;

        await Assertions.Expect(first).ToContainTextAsync("losing pets");
        await Assertions.Expect(first.Locator("td.growth")).ToContainTextAsync("+600/h");
        await Screenshots.TakeAsync(pr, TestContext, "pr-dashboard-growth");
    }

    [TestMethod]
    public async Task Dashboard_DrawsItsCharts()
    {
        var pr = await s_browser.SignInAsync(s_app.BaseAddress, "pr");

        await pr.GotoAsync("/dashboard");
        await pr.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var charts = pr.Locator("img.chart");
        var drawn = await charts.EvaluateAllAsync<bool[]>("imgs => imgs.map(i => i.complete && i.naturalWidth > 0)");
        await Screenshots.TakeAsync(pr, TestContext, "pr-dashboard");
        var svg = await pr.APIRequest.GetAsync("/charts/volume.svg");

        Assert.HasCount(5, drawn);
        Assert.IsTrue(drawn.All(d => d), string.Join(",", drawn));
        StringAssert.Contains(await svg.TextAsync(), "<svg");
        await Assertions.Expect(pr.Locator("table.risks tbody tr").First).ToContainTextAsync("High");
    }
}
