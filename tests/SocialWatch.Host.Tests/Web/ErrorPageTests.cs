using System.Net;
using System.Net.Http.Headers;

namespace SocialWatch.Host.Tests.Web;

/// <summary>A person in a browser gets a page of the product when something is missing; API callers keep problem JSON.</summary>
[TestClass]
public sealed class ErrorPageTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    private static HttpRequestMessage BrowserGet(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    [TestMethod]
    [DataRow("/alerts/987654321")]
    [DataRow("/no-such-page")]
    public async Task A_browser_asking_for_something_missing_gets_a_not_found_page_with_a_way_back(string path)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        using var response = await client.Http.SendAsync(BrowserGet(path));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(html, "<h1>Not found</h1>");
        StringAssert.Contains(html, "href=\"/\"");
        Assert.DoesNotContain("\"status\":404", html);
    }

    [TestMethod]
    public async Task An_api_caller_asking_for_a_missing_alert_still_gets_problem_json()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/987654321");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreNotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task An_api_path_opened_in_a_browser_is_not_dressed_as_a_page()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        using var response = await client.Http.SendAsync(BrowserGet("/api/alerts/987654321"));

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreNotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task The_error_page_asked_for_directly_does_not_answer_success()
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.SendAsync(BrowserGet("/error/500"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        StringAssert.Contains(html, "Something went wrong on our side");
    }
}
