using System.Globalization;
using Microsoft.Playwright;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Teams;

namespace SocialWatch.Host.Tests.Web;

/// <summary>Every admin page laid out in a real browser at a phone's width and a laptop's, with long values in its lists.</summary>
[TestClass]
public sealed class AdminLayoutTests
{
    private static WebTestApp s_app = null!;
    private static Browser s_browser = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_browser = await Browser.LaunchAsync();
        // YouTube on, so the brands page shows its channels and its quota row in the watch-cost table.
        s_app = await WebTestApp.StartAsync("--Sources:YouTube:ApiKey", "test-key", "--Sources:YouTube:BaseUrl", "http://127.0.0.1:9/youtube/v3");

        // Unbroken tokens are what pushed the brands table past a phone's width: handles, hashtags, feed URLs.
        await s_app.Services.GetRequiredService<IBrandStore>().CreateAsync(
            new Brand
            {
                Name = "Globex Mobile Networks",
                Handles = ["GlobexMobileSupportTeamOfficial", "GlobexMobile"],
                Keywords = ["globexmobilenetworksunlimiteddataplanforeveryone"],
                Feeds = [new BrandFeed { Name = "status", Url = new Uri("https://status.globex-mobile-networks.example.com/incidents/feed/atom.xml?region=europe-west") }],
                Languages = ["en", "de"],
                YouTubeChannels = ["UCglobexMobileNetworks0A", "UCglobexMobileSupport0B_"],
                Retention = TimeSpan.FromDays(90),
            },
            "admin",
            CancellationToken.None);
        await s_app.Services.GetRequiredService<ITeamStore>().SaveAsync(
            new TeamProfile { Name = "care-europe-weekend-escalations", LeadEmail = "very.long.lead.address.for.the.team@customer-care.example.com", Members = [new TeamMember("agent", null, 20)] },
            "admin",
            CancellationToken.None);

        // A stored version with a long name beside the promoted shipped one, so the models page shows a promote button.
        var models = s_app.Services.GetRequiredService<SocialWatch.Scoring.Models.SharedModels>();
        await models.EnsureSeededAsync(CancellationToken.None);
        await models.PublishAsync(
            Models.ShippedModelCopy.Create("v20991231-000000-brand-feedback-retrain-candidate-globex-mobile", new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero)),
            "retrain",
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
    [DataRow("/admin", 390)]
    [DataRow("/admin/users", 390)]
    [DataRow("/admin/brands", 390)]
    [DataRow("/admin/brands?edit=Globex%20Mobile%20Networks", 390)]
    [DataRow("/admin/teams", 390)]
    [DataRow("/admin/rules", 390)]
    [DataRow("/admin/sla", 390)]
    [DataRow("/admin/digests", 390)]
    [DataRow("/admin/apikeys", 390)]
    [DataRow("/admin/models", 390)]
    [DataRow("/admin/models", 1366)]
    [DataRow("/admin/brands", 1366)]
    [DataRow("/admin/sla", 1366)]
    public async Task AdminPage_FitsTheWindow_WithoutScrollingSideways(string path, int width)
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.SetViewportSizeAsync(width, 900);

        await page.GotoAsync(path);
        var (scrollWidth, clientWidth) = await WidthsAsync(page);
        await Screenshots.TakeAsync(page, TestContext, $"layout{path.Split('?')[0].Replace('/', '-')}{(path.Contains('?', StringComparison.Ordinal) ? "-edit" : "")}-{width.ToString(CultureInfo.InvariantCulture)}");

        Assert.IsLessThanOrEqualTo(clientWidth, scrollWidth, $"{path} at {width} px is {scrollWidth} px wide");
    }

    [TestMethod]
    public async Task BrandsTable_AtPhoneWidth_NamesEachValueByItsColumn()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.SetViewportSizeAsync(390, 900);

        await page.GotoAsync("/admin/brands");
        var row = page.Locator("table.brands tbody tr", new() { HasTextString = "Globex Mobile Networks" });
        var retention = row.Locator("td[data-label=Retention]");

        // The header row is out of sight (one clipped pixel) but still read by screen readers before the cards.
        var header = await page.Locator("table.brands thead").BoundingBoxAsync();
        Assert.IsTrue(header is null || (header.Width <= 1 && header.Height <= 1), $"header row shown at {header?.Width}x{header?.Height}");
        await Assertions.Expect(retention).ToHaveTextAsync("90 days");
        Assert.AreEqual("Retention", await retention.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content.replaceAll('\"', '')"));
    }

    private static async Task<(int ScrollWidth, int ClientWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }
}
