using System.Net;
using Hangfire;
using Hangfire.Storage;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Web;

/// <summary>The brands admin page over HTTP against the real host: who may use it, validation, audit and the ingest jobs it schedules.</summary>
[TestClass]
public sealed class BrandAdminTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        s_app = await WebTestApp.StartAsync(
            "--Sources:Mastodon:Enabled", "true", "--Sources:Mastodon:BaseUrl", "http://127.0.0.1:9/",
            "--Sources:YouTube:ApiKey", "test-key", "--Sources:YouTube:BaseUrl", "http://127.0.0.1:9/youtube/v3");

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task Admin_AddsABrand_WhichIsStoredAudited_AndGetsItsIngestJobs()
    {
        using var client = await AdminAsync();

        using var response = await PostAsync(client, "Save", new()
        {
            ["Input.Name"] = "Globex",
            ["Input.Handles"] = "@GlobexCorp",
            ["Input.Keywords"] = "Globex Corporation",
            ["Input.Languages"] = "EN",
            ["Input.Feeds"] = "reviews https://reviews.example/globex.rss",
            ["Input.RetentionDays"] = "90",
        });
        var page = await client.Http.GetStringAsync("/admin/brands");
        var stored = (await s_app.Services.GetRequiredService<IBrandStore>().ListAsync(CancellationToken.None)).Single(b => b.Brand.Name == "Globex");
        var audit = await client.Http.GetStringAsync("/admin");
        var jobs = RecurringJobIds();

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("GlobexCorp", stored.Brand.Handles.Single());
        Assert.AreEqual("en", stored.Brand.Languages.Single());
        Assert.AreEqual(TimeSpan.FromDays(90), stored.Brand.Retention);
        StringAssert.Contains(page, "Brand Globex saved (version 1)");
        StringAssert.Contains(page, "(@GlobexCorp OR &quot;Globex Corporation&quot;) -is:retweet lang:en", "the X query is shown");
        StringAssert.Contains(page, "from configuration", "Acme Air comes from appsettings");
        StringAssert.Contains(audit, "Globex");
        CollectionAssert.Contains(jobs, "ingest:Globex:rss:reviews");
        CollectionAssert.Contains(jobs, "ingest:Globex:mastodon:#globexcorp");
        CollectionAssert.Contains(jobs, "ingest:Acme Air:demo:samples");
    }

    [TestMethod]
    public async Task InvalidBrand_ShowsAClearMessagePerProblem_AndStoresNothing()
    {
        using var client = await AdminAsync();

        using var response = await PostAsync(client, "Save", new()
        {
            ["Input.Name"] = "Bad:Brand",
            ["Input.Handles"] = "ok_handle, Acme Air",
            ["Input.Subreddits"] = "r/x",
            ["Input.Languages"] = "english",
            ["Input.YouTubeChannels"] = "@acmeair",
            ["Input.Feeds"] = "news ftp://files.example/feed\nnot-a-feed-line",
            ["Input.RetentionDays"] = "0",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var names = (await s_app.Services.GetRequiredService<IBrandStore>().ListAsync(CancellationToken.None)).Select(b => b.Brand.Name).ToList();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(html, "may not contain ':'");
        StringAssert.Contains(html, "Handle 'Acme Air' must be one word");
        StringAssert.Contains(html, "Subreddit 'x' is not a subreddit name");
        StringAssert.Contains(html, "Language 'english' is not an ISO 639-1 code");
        StringAssert.Contains(html, "YouTube channel '@acmeair' is not a channel id");
        StringAssert.Contains(html, "Feed 'news' needs an absolute http or https URL");
        StringAssert.Contains(html, "Feed line 'not-a-feed-line' must be a name, a space and an absolute http(s) URL");
        StringAssert.Contains(html, "Retention must be positive");
        CollectionAssert.DoesNotContain(names, "Bad:Brand");
    }

    [TestMethod]
    public async Task BrandNamedLikeAConfiguredOne_IsRefused()
    {
        using var client = await AdminAsync();

        using var response = await PostAsync(client, "Save", new() { ["Input.Name"] = "acme air", ["Input.Keywords"] = "acme" });

        StringAssert.Contains(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), "'Acme Air' is a brand from configuration; a stored brand needs another name.");
    }

    [TestMethod]
    public async Task StrangerWrittenText_IsEncodedOnThePage()
    {
        using var client = await AdminAsync();

        await PostAsync(client, "Save", new() { ["Input.Name"] = "Evil <script>alert(1)</script>", ["Input.Keywords"] = "<img src=x onerror=alert(2)>" });
        var page = await client.Http.GetStringAsync("/admin/brands");

        Assert.IsFalse(page.Contains("<script>alert(1)", StringComparison.Ordinal));
        Assert.IsFalse(page.Contains("<img src=x", StringComparison.Ordinal));
        StringAssert.Contains(page, "Evil &lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [TestMethod]
    public async Task EditFromAnOldVersion_IsRefused_AndDeleteStopsThePolls_KeepingMentions()
    {
        using var client = await AdminAsync();
        await PostAsync(client, "Save", new() { ["Input.Name"] = "Initech", ["Input.Keywords"] = "Initech" });
        await PostAsync(client, "Save", new() { ["Input.Name"] = "Initech", ["Input.Version"] = "1", ["Input.Keywords"] = "Initech\nTPS report" });
        var before = RecurringJobIds();

        using var stale = await PostAsync(client, "Save", new() { ["Input.Name"] = "Initech", ["Input.Version"] = "1", ["Input.Keywords"] = "lost edit" });
        using var deleted = await PostAsync(client, "Delete", new() { ["name"] = "Initech", ["version"] = "2" });
        var after = RecurringJobIds();
        var audit = await client.Http.GetStringAsync("/admin");

        StringAssert.Contains(WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), "was changed by someone else (version 2, this edit was based on version 1)");
        Assert.AreEqual(HttpStatusCode.Redirect, deleted.StatusCode);
        CollectionAssert.Contains(before, "ingest:Initech:mastodon:#tpsreport");
        Assert.IsFalse(after.Any(id => id.StartsWith("ingest:Initech:", StringComparison.Ordinal)), string.Join(", ", after));
        StringAssert.Contains(audit, "deleted");
        StringAssert.Contains(audit, "stored mentions kept");
    }

    [TestMethod]
    [DataRow("agent")]
    [DataRow("manager")]
    [DataRow("pr")]
    public async Task NonAdmin_GetsForbidden(string user)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync(user);

        using var response = await client.Http.GetAsync("/admin/brands");

        // People are sent to the "Not allowed" page, which answers 403.
        var final = response.StatusCode == HttpStatusCode.Redirect ? await client.Http.GetAsync(response.Headers.Location) : response;
        Assert.AreEqual(HttpStatusCode.Forbidden, final.StatusCode);
        StringAssert.StartsWith(response.Headers.Location?.AbsolutePath ?? "/denied", "/denied");
    }

    [TestMethod]
    public async Task NonAdminPost_WithAValidToken_StoresNothing()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");
        var token = await client.GetFormTokenAsync("/triage");

        using var response = await client.Http.PostAsync("/admin/brands?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Sneaky",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.AreNotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsFalse((await s_app.Services.GetRequiredService<IBrandStore>().ListAsync(CancellationToken.None)).Any(b => b.Brand.Name == "Sneaky"));
    }

    [TestMethod]
    public async Task ForgedPost_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await AdminAsync();

        using var response = await client.Http.PostAsync("/admin/brands?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Forged",
            ["Input.Keywords"] = "forged",
        }));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.IsFalse((await s_app.Services.GetRequiredService<IBrandStore>().ListAsync(CancellationToken.None)).Any(b => b.Brand.Name == "Forged"));
    }

    [TestMethod]
    public async Task BrandsPage_ShowsWhatTheWatchListCostsPerDay_AndSaysWhenASourceHasNoLookup()
    {
        using var client = await AdminAsync();
        var watched = await s_app.AddAlertAsync("@AcmeAir three hours on the tarmac and no water", source: "demo");
        var unlookable = await s_app.AddAlertAsync("@AcmeAir the feed says my flight left, it did not", source: "rss");
        var now = DateTimeOffset.UtcNow;
        await s_app.Services.GetRequiredService<IWatchListStore>().EnrolAsync(
            [
                new WatchEnrolment(watched.MentionId!.Value, "demo", "Acme Air", now, now.AddHours(48), now.AddMinutes(2)),
                new WatchEnrolment(unlookable.MentionId!.Value, "rss", "Acme Air", now, now.AddHours(48), now.AddMinutes(2)),
            ],
            CancellationToken.None);

        var html = await client.Http.GetStringAsync("/admin/brands");

        var section = html[html.IndexOf("id=\"watch-cost\"", StringComparison.Ordinal)..];
        var demoRow = Row(section, "demo");
        var rssRow = Row(section, "rss");
        var cells = System.Text.RegularExpressions.Regex.Matches(demoRow, "<td[^>]*>([0-9,]+)</td>").Select(m => long.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.IsGreaterThanOrEqualTo(1L, cells[0], "watched now: " + demoRow);
        Assert.IsGreaterThanOrEqualTo(cells[0], cells[1], "a watched post is re-read at least once a day at the cadence: " + demoRow);
        StringAssert.Contains(rssRow, "no lookup");
    }

    [TestMethod]
    public async Task Admin_AddsYouTubeChannels_WhichAreStoredAndPolled_AndThePageShowsTodaysQuotaUnits()
    {
        const string channel = "UCinitechOfficial0000aB_";
        using var client = await AdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var state = s_app.Services.GetRequiredService<IIngestStateStore>();
        await state.AddReadsAsync("youtube", "Initech", today, 3, CancellationToken.None);
        await state.AddReadsAsync("youtube", SocialWatch.Ingest.Jobs.IQuotaSource.AllBrands, today, 1234, CancellationToken.None);

        using var response = await PostAsync(client, "Save", new()
        {
            ["Input.Name"] = "Initech",
            ["Input.Keywords"] = "Initech",
            ["Input.YouTubeChannels"] = $"https://www.youtube.com/channel/{channel}, {channel}",
        });
        var stored = (await s_app.Services.GetRequiredService<IBrandStore>().ListAsync(CancellationToken.None)).Single(b => b.Brand.Name == "Initech");
        var html = await client.Http.GetStringAsync("/admin/brands");
        var edit = await client.Http.GetStringAsync("/admin/brands?edit=Initech");
        var youtubeRow = Row(html[html.IndexOf("id=\"watch-cost\"", StringComparison.Ordinal)..], "youtube", "Initech");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual(channel, stored.Brand.YouTubeChannels.Single(), "a pasted channel address becomes its id, once");
        CollectionAssert.Contains(RecurringJobIds(), $"ingest:Initech:youtube:{channel}");
        StringAssert.Contains(html, channel);
        StringAssert.Contains(youtubeRow, "3 quota units (1,234 for every brand)");
        StringAssert.Contains(youtubeRow, "10,000 units, shared by every brand");
        StringAssert.Contains(edit, $"value=\"{channel}\"");
    }

    private static string Row(string html, string source, string? brand = null)
    {
        if (brand is not null)
        {
            html = html[html.IndexOf($"<td data-label=\"Brand\">{brand}</td>", StringComparison.Ordinal)..];
        }

        return Row(html, source);
    }

    private static string Row(string html, string source)
    {
        var at = html.IndexOf($"<span class=\"badge\">{source}</span>", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, at, $"no watch cost row for {source}");
        var start = html.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private static Task<WebClient> AdminAsync() => BrandsPage.AdminAsync(s_app);

    private static Task<HttpResponseMessage> PostAsync(WebClient client, string handler, Dictionary<string, string> form) =>
        BrandsPage.PostAsync(client, handler, form);

    private static List<string> RecurringJobIds()
    {
        using var connection = s_app.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }
}
