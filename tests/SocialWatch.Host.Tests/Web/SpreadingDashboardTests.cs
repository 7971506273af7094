using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// The dashboard in a real browser against a host that ingests the demo source and refreshes engagement every few
/// seconds: a complaint's growth and its line fill in on the open page, without a reload.
/// </summary>
[TestClass]
public sealed class SpreadingDashboardTests
{
    /// <summary>The demo's first complaint catches fire on its first poll; two refreshes after that it has a growth figure.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 180_000 };

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Dashboard_FillsInGrowthAndSparklines_AsTheWatchListRefreshes()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var app = await WebTestApp.StartAsync(
            "--Host:Worker", "true",
            "--Sources:Demo:Enabled", "true",
            "--Sources:Demo:PollInterval", "00:00:05",
            "--Ingest:EngagementRefreshInterval", "00:00:02",
            "--Hangfire:SchedulePollingInterval", "00:00:01",
            "--Web:DashboardRefreshInterval", "00:00:02");
        var page = await browser.SignInAsync(app.BaseAddress, "pr");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/dashboard");
        var loadedAt = await page.EvaluateAsync<double>("() => performance.timeOrigin");

        var growth = page.Locator("table.risks td.growth", new() { Has = page.Locator("svg.sparkline") }).First;
        await Assertions.Expect(growth).ToBeVisibleAsync(Patient);
        var spreading = page.Locator("table.spreading tr.spreading-row").First;
        await Assertions.Expect(spreading).ToBeVisibleAsync(Patient);
        await Screenshots.TakeAsync(page, TestContext, "pr-dashboard-spreading-1366");
        await page.SetViewportSizeAsync(390, 844);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await Screenshots.TakeAsync(page, TestContext, "pr-dashboard-spreading-390");

        await Assertions.Expect(growth).ToContainTextAsync(new Regex(@"\+[0-9.]+k?/h"));
        await Assertions.Expect(growth.Locator("svg.sparkline title")).ToHaveTextAsync(new Regex(@"^Interactions"));
        await Assertions.Expect(spreading.Locator("td.reach")).ToContainTextAsync(new Regex(@"at 24 h"));
        await Assertions.Expect(spreading.Locator("td.links a[href^='/alerts/']")).ToBeVisibleAsync();
        Assert.AreEqual(loadedAt, await page.EvaluateAsync<double>("() => performance.timeOrigin"), "filled in by the live refresh, not a reload");
        Assert.IsLessThanOrEqualTo(390, scrollWidth, "no sideways scroll on a phone");
    }
}
