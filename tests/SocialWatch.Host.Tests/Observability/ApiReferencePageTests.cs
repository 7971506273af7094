using System.Net;
using Microsoft.Playwright;
using SocialWatch.Host.Tests.Web;
using WebClient = SocialWatch.Host.Tests.Web.WebClient;

namespace SocialWatch.Host.Tests.Observability;

/// <summary>The browsable API reference at /admin/api-docs: admins only, and everything it loads comes from the host.</summary>
[TestClass]
public sealed class ApiReferencePageTests
{
    private static WebTestApp s_app = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task ApiReference_ForAnAdmin_IsServedWithItsScriptFromTheHost()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");

        using var page = await client.Http.GetAsync("/admin/api-docs/", TestContext.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.CancellationToken);
        using var script = await client.Http.GetAsync("/admin/api-docs/scalar.js", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, html);
        Assert.AreEqual(HttpStatusCode.OK, script.StatusCode);
        Assert.IsFalse(html.Contains("cdn.jsdelivr.net", StringComparison.Ordinal), html);
        StringAssert.Contains(page.Headers.GetValues("Content-Security-Policy").Single(), "script-src 'self' 'nonce-");
    }

    [TestMethod]
    [DataRow("agent")]
    [DataRow("manager")]
    [DataRow("pr")]
    public async Task ApiReference_ForOtherRoles_IsDenied(string role)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync(role);

        using var response = await client.Http.GetAsync("/admin/api-docs/", TestContext.CancellationToken);

        // People get the access-denied page, as on every admin page.
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/denied", response.Headers.Location!.AbsolutePath);
        using var denied = await client.Http.GetAsync(response.Headers.Location, TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [TestMethod]
    public async Task ApiReference_ForAnonymousCallers_RedirectsToSignIn()
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.GetAsync("/admin/api-docs/", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/login");
    }

    [TestMethod]
    public async Task ApiReference_InABrowser_ListsTheEndpoints_WithoutLeavingTheHost()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.SetViewportSizeAsync(1366, 900);
        var foreign = new List<string>();
        var errors = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(s_app.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            // A blocked script or style (the page's Content-Security-Policy) or a failed load is reported here.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/admin");
        await page.ClickAsync("a.api-docs");
        await page.GetByRole(AriaRole.Heading, new() { Name = "SocialWatch API" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await Screenshots.TakeAsync(page, TestContext, "api-reference-1366");

        Assert.IsEmpty(foreign, string.Join("\n", foreign));
        Assert.IsEmpty(errors, string.Join("\n", errors));
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var tag in new[] { "Alerts", "Mentions", "Feedback", "Digests", "Privacy" })
        {
            StringAssert.Contains(text, tag);
        }
    }
}
