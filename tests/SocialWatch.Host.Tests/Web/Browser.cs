using Microsoft.Playwright;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// Headless system Chromium driven by Playwright. Without Chromium the browser tests fail on CI (CI=true) and are
/// inconclusive elsewhere.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).";
            Prerequisite.Missing(message);
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = Args });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh browser context (own cookies) signed in through the login page.</summary>
    public async Task<IPage> SignInAsync(Uri baseAddress, string userName, string password = WebTestApp.Password)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        // A 2-core machine running the whole suite can take longer than Playwright's default 30 s to sign in (the
        // password hash) and load a page; a minute keeps a slow run from reading as a broken page.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>
/// Full-page screenshots for people to look at: attached to the test results and kept in the folder named by
/// SOCIALWATCH_SCREENSHOTS (default: "screenshots" beside the test assembly), which outlives the test run.
/// </summary>
internal static class Screenshots
{
    public static async Task TakeAsync(IPage page, TestContext context, string name)
    {
        var directory = Environment.GetEnvironmentVariable("SOCIALWATCH_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        context.AddResultFile(path);
    }
}
