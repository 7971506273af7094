using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// The triage queue's saved views, search, paging and bulk actions in a real browser at a phone's width and a laptop's,
/// over more alerts than a page holds.
/// </summary>
[TestClass]
public sealed class QueueViewsUiTests
{
    private const int OpenAlerts = 32;

    private static WebTestApp s_app = null!;
    private static Browser s_browser = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        s_browser = await Browser.LaunchAsync();
        s_app = await WebTestApp.StartAsync();
        await s_app.AddTeamAsync("care", "agent", "bob", "cy");
        for (var i = 0; i < OpenAlerts; i++)
        {
            var priority = (AlertPriority)(i % 4);
            await s_app.AddAlertAsync(string.Create(CultureInfo.InvariantCulture, $"Queue case {i:00}: my bag went to the wrong city @AcmeAir"), priority: priority);
        }

        await s_app.AddAlertAsync("Lost a blue suitcase with a 100% wool coat inside, nobody answers", priority: AlertPriority.Low);
        var resolved = await s_app.AddAlertAsync("Refund for the cancelled flight finally arrived, thanks", priority: AlertPriority.Normal);
        var now = DateTimeOffset.UtcNow;
        await s_app.Services.GetRequiredService<IAlertStore>().ApplyAsync(
            new AlertChange { AlertId = resolved.Id, ExpectedVersion = resolved.Version, Actor = "agent", At = now, State = AlertState.Resolved, ResolvedAt = now, AssignedTo = "agent" },
            CancellationToken.None);
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
    [DataRow(1366)]
    [DataRow(390)]
    public async Task Agent_SwitchesViews_Searches_PagesForward_BulkAssigns_AndFindsResolvedWork(int width)
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "agent");
        await page.SetViewportSizeAsync(width, 900);
        var name = "queue-" + width.ToString(CultureInfo.InvariantCulture);

        await page.GotoAsync("/triage");
        await Assertions.Expect(page.Locator("nav.views a.current")).ToContainTextAsync("All open");
        await Screenshots.TakeAsync(page, TestContext, name + "-all-open");
        await AssertFitsAsync(page, "all open");

        await page.ClickAsync("nav.views a[data-view=Unassigned]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=Unassigned"));
        var firstPage = await RowIdsAsync(page);
        await page.ClickAsync("nav.pager a[rel=next]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("after="));
        var secondPage = await RowIdsAsync(page);
        await Screenshots.TakeAsync(page, TestContext, name + "-unassigned-page-2");
        await AssertFitsAsync(page, "unassigned, page 2");
        await page.ClickAsync("nav.pager a[rel=prev]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("before="));
        var backAgain = await RowIdsAsync(page);

        Assert.HasCount(25, firstPage);
        Assert.IsNotEmpty(secondPage);
        Assert.IsEmpty(firstPage.Intersect(secondPage).ToList(), "a row was shown on two pages");
        CollectionAssert.AreEqual(firstPage, backAgain);

        await page.FillAsync("#filters input[name=q]", "BLUE SUITCASE");
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page.Locator("tr.alert-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tr.alert-row td.title a")).ToContainTextAsync("blue suitcase with a 100% wool coat");
        await Assertions.Expect(page.Locator("#showing")).ToContainTextAsync("“BLUE SUITCASE”");
        await Screenshots.TakeAsync(page, TestContext, name + "-search");
        await AssertFitsAsync(page, "search");

        await page.GotoAsync("/triage?view=Unassigned");
        var picked = (await RowIdsAsync(page)).Take(2).ToList();
        foreach (var id in picked)
        {
            await page.CheckAsync($"tr.alert-row[data-id='{id}'] input[name=rows]");
        }

        await Assertions.Expect(page.Locator("#bulk .picked")).ToHaveTextAsync("2 ticked:");
        await page.SelectOptionAsync("#bulk select[name=assignee]", "bob");
        await page.ClickAsync("#bulk button[value=assign]");
        await Assertions.Expect(page.Locator("p.flash")).ToHaveTextAsync("Assigned to bob: 2 of 2 alerts.");
        await Screenshots.TakeAsync(page, TestContext, name + "-bulk-assigned");
        var alerts = s_app.Services.GetRequiredService<IAlertStore>();
        foreach (var id in picked)
        {
            var alert = await alerts.GetAsync(long.Parse(id, CultureInfo.InvariantCulture), CancellationToken.None);
            Assert.AreEqual("bob", alert!.AssignedTo);
            Assert.AreEqual("Assigned to bob", (await alerts.GetAuditAsync(alert.Id, CancellationToken.None))[^1].Note);
        }

        Assert.AreEqual(0, await page.Locator(string.Join(", ", picked.Select(id => $"tr.alert-row[data-id='{id}']"))).CountAsync(), "assigned rows stay in Unassigned");

        await page.ClickAsync("nav.views a[data-view=Resolved]");
        await Assertions.Expect(page.Locator("tr.alert-row td.title a")).ToContainTextAsync(["Refund for the cancelled flight finally arrived"]);
        await Screenshots.TakeAsync(page, TestContext, name + "-resolved");
        await AssertFitsAsync(page, "resolved");
        await page.FillAsync("#filters input[name=q]", "finally ARRIVED");
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=Resolved.*q=finally"));
        await Assertions.Expect(page.Locator("tr.alert-row")).ToHaveCountAsync(1);
        await page.ClickAsync("nav.views a[data-view=Dismissed]");
        await Assertions.Expect(page.Locator("tr.empty")).ToContainTextAsync("Nothing in this view matches the search.");
    }

    [TestMethod]
    public async Task BulkDismiss_ReportsTheRowSomeoneElseChanged_AndDismissesTheRest()
    {
        var first = await s_app.AddAlertAsync("Bulk target one: seat broken on AA100", priority: AlertPriority.Urgent);
        var second = await s_app.AddAlertAsync("Bulk target two: seat broken on AA101", priority: AlertPriority.Urgent);
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "agent");
        await page.GotoAsync("/triage?q=Bulk%20target");
        await page.CheckAsync("#pick-all");
        var alerts = s_app.Services.GetRequiredService<IAlertStore>();
        await alerts.ApplyAsync(new AlertChange { AlertId = second.Id, ExpectedVersion = second.Version, Actor = "cy", At = DateTimeOffset.UtcNow, AssignedTo = "cy" }, CancellationToken.None);

        await page.SelectOptionAsync("#bulk select[name=reason]", "Spam");
        await page.ClickAsync("#bulk button[value=dismiss]");

        await Assertions.Expect(page.Locator("p.flash")).ToHaveTextAsync("Dismissed: 1 of 2 alerts.");
        await Assertions.Expect(page.Locator(".bulk-failures li")).ToHaveTextAsync(new Regex($"^Alert {second.Id}: Someone else changed this alert"));
        await Screenshots.TakeAsync(page, TestContext, "queue-bulk-conflict");
        Assert.AreEqual((AlertState.Dismissed, "spam"), ((await alerts.GetAsync(first.Id, CancellationToken.None))!.State, (await alerts.GetAsync(first.Id, CancellationToken.None))!.DismissReason));
        Assert.AreEqual(AlertState.New, (await alerts.GetAsync(second.Id, CancellationToken.None))!.State);
    }

    private static async Task<List<string>> RowIdsAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("tr.alert-row").First).ToBeVisibleAsync();
        return [.. (await page.Locator("tr.alert-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"))];
    }

    private static async Task AssertFitsAsync(IPage page, string step)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.IsLessThanOrEqualTo(widths[1], widths[0], $"{step}: the page is {widths[0]} px wide in a {widths[1]} px window");
    }
}
