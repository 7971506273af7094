using System.Globalization;
using Microsoft.Playwright;
using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Storage;
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

        // One erasure done, so the privacy page lists one (its hash is a long unbroken token), and one author to erase.
        var erased = await s_app.AddAlertAsync("An erased author's complaint");
        await s_app.Services.GetRequiredService<EraseAuthorData>().ExecuteAsync(
            new EraseAuthorCommand("x", await AuthorOfAsync(erased.MentionId!.Value), "very.long.admin.address@customer-care.example.com", "DSR-2026-000417"), CancellationToken.None);
        var toErase = await s_app.AddAlertAsync("Please ring me back about the lost wheelchair", source: "bluesky");
        s_toErase = await AuthorOfAsync(toErase.MentionId!.Value);
        // A stored version with a long name beside the promoted shipped one, so the models page shows a promote button.
        var models = s_app.Services.GetRequiredService<SocialWatch.Scoring.Models.SharedModels>();
        await models.EnsureSeededAsync(CancellationToken.None);
        await models.PublishAsync(
            Models.ShippedModelCopy.Create("v20991231-000000-brand-feedback-retrain-candidate-globex-mobile", new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero)),
            "retrain",
            CancellationToken.None);

        // A stored webhook with a long name and URL, and a row for a webhook that no longer exists, which the outbox
        // worker gives up at once: the webhooks page shows a webhook, another receiver and a given-up row.
        await s_app.Services.GetRequiredService<IWebhookStore>().SaveAsync(
            new StoredWebhook(0, "globex-mobile-networks-europe-weekend-escalations-room", new Uri("https://hooks.globex-mobile-networks.example.com/services/T0000000000/B0000000000/XXXXXXXXXXXXXXXXXXXXXXXX"), AlertPriority.High, ["Globex Mobile Networks"], Secret: "s3cret"),
            "admin",
            CancellationToken.None);
        await s_app.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(
            [new OutboxMessage(NotificationChannels.Webhook, "stored:424242424242", 77, "{\"text\":\"alert #77\"}")], CancellationToken.None);
        var deliveries = s_app.Services.GetRequiredService<INotificationDeliveryLog>();
        for (var i = 0; i < 150 && (await deliveries.ListGivenUpAsync(1, CancellationToken.None)).Count == 0; i++)
        {
            await Task.Delay(100);
        }
    }

    private static string s_toErase = "";

    private static async Task<string> AuthorOfAsync(long mentionId) =>
        (await s_app.Services.GetRequiredService<IMentionStore>().GetMentionAsync(mentionId, CancellationToken.None))!.Mention.Author.Id;

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
    [DataRow("/admin/privacy", 390)]
    [DataRow("/admin/privacy", 1366)]
    [DataRow("/admin/models", 390)]
    [DataRow("/admin/models", 1366)]
    [DataRow("/admin/brands", 1366)]
    [DataRow("/admin/sla", 1366)]
    [DataRow("/admin/webhooks", 390)]
    [DataRow("/admin/webhooks", 1366)]
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

    [TestMethod]
    [DataRow(390)]
    [DataRow(1366)]
    public async Task PrivacyPage_ShowsWhatWouldBeErased_ThenErasesOnConfirmation_AndFitsTheWindowAtEachStep(int width)
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/admin/privacy");
        await Assertions.Expect(page.Locator("table.erasures tbody tr", new() { HasTextString = "DSR-2026-000417" })).ToBeVisibleAsync();

        await page.FillAsync("input[name=Source]", "x");
        await page.FillAsync("input[name=Author]", "nobody_stored_here");
        await page.ClickAsync("text=Show what would be erased");
        await Assertions.Expect(page.Locator("p.error")).ToHaveTextAsync("Nothing is stored for 'nobody_stored_here' on x.");

        var author = width == 390 ? s_toErase : null;
        if (author is null)
        {
            // The other width walks through the same steps for an author of its own.
            var alert = await s_app.AddAlertAsync("Another complaint to erase", source: "bluesky");
            author = await AuthorOfAsync(alert.MentionId!.Value);
        }

        await page.FillAsync("input[name=Source]", "bluesky");
        await page.FillAsync("input[name=Author]", author);
        await page.FillAsync("input[name=Reason]", "DSR-2026-000500");
        await page.ClickAsync("text=Show what would be erased");
        var preview = page.Locator("section.erasure-preview");
        await Assertions.Expect(preview.Locator("tr", new() { HasTextString = "mentions" }).Locator("td")).ToHaveTextAsync("1");
        await Assertions.Expect(preview.Locator("tr", new() { HasTextString = "alerts (text removed)" }).Locator("td")).ToHaveTextAsync("1");
        Assert.HasCount(1, await s_app.Services.GetRequiredService<IMentionStore>().GetMentionsAsync(new() { AuthorId = author }, CancellationToken.None), "nothing erased before confirming");
        var (previewScroll, previewClient) = await WidthsAsync(page);
        await Screenshots.TakeAsync(page, TestContext, $"privacy-preview-{width.ToString(CultureInfo.InvariantCulture)}");

        await page.ClickAsync("text=Erase all of it");

        await Assertions.Expect(page.Locator("section.erasure-result h2")).ToHaveTextAsync($"Erased author {author} on bluesky");
        await Assertions.Expect(page.Locator("table.erasures tbody tr").First).ToContainTextAsync("DSR-2026-000500");
        Assert.IsEmpty(await s_app.Services.GetRequiredService<IMentionStore>().GetMentionsAsync(new() { AuthorId = author }, CancellationToken.None));
        var (resultScroll, resultClient) = await WidthsAsync(page);
        await Screenshots.TakeAsync(page, TestContext, $"privacy-erased-{width.ToString(CultureInfo.InvariantCulture)}");
        Assert.IsLessThanOrEqualTo(previewClient, previewScroll, $"preview at {width} px is {previewScroll} px wide");
        Assert.IsLessThanOrEqualTo(resultClient, resultScroll, $"result at {width} px is {resultScroll} px wide");
    }

    private static async Task<(int ScrollWidth, int ClientWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }
}
