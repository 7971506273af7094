using System.Globalization;
using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// What X reads cost, on the brands page of the real host against a fake X API: a new brand's query is counted before
/// it pulls, "Count now" counts again, and a failed count says why.
/// </summary>
[TestClass]
public sealed class XSpendAdminTests
{
    private static WireMockServer s_x = null!;
    private static WebTestApp s_app = null!;
    private static Browser s_browser = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_x = WireMockServer.Start();

        // Searches find nothing, so polls started by the saves below read no posts.
        s_x.Given(Request.Create().WithPath("/2/tweets/search/recent").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"meta\":{\"result_count\":0}}"));
        s_x.Given(Request.Create().WithPath("/2/tweets/counts/recent").WithParam("query", "Initech -is:retweet").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Counts(1_400)));
        s_x.Given(Request.Create().WithPath("/2/tweets/counts/recent").WithParam("query", "Umbrella -is:retweet").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}"));
        s_app = await WebTestApp.StartAsync(
            "--Sources:X:Enabled", "true", "--Sources:X:BearerToken", "test-bearer", "--Sources:X:BaseUrl", s_x.Url! + "/",
            "--Sources:X:RetryBaseDelay", "00:00:00.010", "--Sources:X:DailyReadBudgetPerBrand", "2000");
        s_browser = await Browser.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await s_browser.DisposeAsync();
        await s_app.DisposeAsync();
        s_x.Dispose();
    }

    [TestMethod]
    public async Task NewBrand_IsCountedBeforeItPulls_AndThePageShowsItsDailyCostAndMonthForecast()
    {
        using var client = await AdminAsync();

        using var response = await PostAsync(client, "Save", new() { ["Input.Name"] = "Initech", ["Input.Keywords"] = "Initech" });
        var page = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/admin/brands"));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(page, "x counted 1,400 posts in the last 7 days for Initech: about 200 a day, $1.00 a day to read at today's volume.");
        StringAssert.Contains(page, "about 200 posts a day, $1.00 a day");
        StringAssert.Contains(page, "0 of 2,000", "today's reads against the budget");
        StringAssert.Contains(page, "0 reads, $0.00");
        Assert.IsTrue(s_x.LogEntries.Any(e => e.RequestMessage.Path == "/2/tweets/counts/recent" && e.RequestMessage.Query!["query"].Single() == "Initech -is:retweet"));
    }

    [TestMethod]
    public async Task CountNow_OfAQueryXRefuses_SaysWhy_AndTheBrandIsStillSaved()
    {
        using var client = await AdminAsync();
        await PostAsync(client, "Save", new() { ["Input.Name"] = "Umbrella", ["Input.Keywords"] = "Umbrella" });

        using var response = await PostAsync(client, "Count", new() { ["name"] = "Umbrella" });
        var page = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/admin/brands"));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(page, "x could not count Umbrella's query:");
        StringAssert.Contains(page, "could not count:");
        StringAssert.Contains(page, "Umbrella");
    }

    [TestMethod]
    public async Task CountNow_OfAnUnknownBrand_SaysSo()
    {
        using var client = await AdminAsync();

        await PostAsync(client, "Count", new() { ["name"] = "<b>Nobody</b>" });
        var page = await client.Http.GetStringAsync("/admin/brands");

        StringAssert.Contains(page, "There is no brand named &#x27;&lt;b&gt;Nobody&lt;/b&gt;&#x27;.");
    }

    [TestMethod]
    [DataRow(390)]
    [DataRow(1366)]
    public async Task PaidReads_FitTheWindow_WithoutScrollingSideways(int width)
    {
        using (var client = await AdminAsync())
        {
            await PostAsync(client, "Save", new() { ["Input.Name"] = "Initech", ["Input.Keywords"] = "Initech" });
            await PostAsync(client, "Save", new() { ["Input.Name"] = "Umbrella", ["Input.Keywords"] = "Umbrella" });
        }

        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/admin/brands#read-spend");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        await Screenshots.TakeAsync(page, TestContext, "layout-admin-brands-paid-reads-" + width.ToString(CultureInfo.InvariantCulture));

        Assert.IsLessThanOrEqualTo(widths[1], widths[0], $"/admin/brands with paid reads at {width} px is {widths[0]} px wide");
        StringAssert.Contains(await page.InnerTextAsync("#read-spend"), "Month forecast");
    }

    private static string Counts(long perDay)
    {
        var end = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var buckets = Enumerable.Range(1, 7).Select(back =>
            $"{{\"start\":\"{end.AddDays(-back).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"end\":\"{end.AddDays(1 - back).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"tweet_count\":{perDay / 7}}}");
        return "{\"data\":[" + string.Join(",", buckets) + $"],\"meta\":{{\"total_tweet_count\":{perDay}}}}}";
    }

    private static Task<WebClient> AdminAsync() => BrandsPage.AdminAsync(s_app);

    private static Task<HttpResponseMessage> PostAsync(WebClient client, string handler, Dictionary<string, string> form) =>
        BrandsPage.PostAsync(client, handler, form);
}
