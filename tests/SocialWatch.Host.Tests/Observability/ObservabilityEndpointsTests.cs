using System.Net;
using WebClient = SocialWatch.Host.Tests.Web.WebClient;
using System.Text.Json;
using SocialWatch.Host.Tests.Web;

namespace SocialWatch.Host.Tests.Observability;

/// <summary>The Prometheus scrape and the OpenAPI document of the real host.</summary>
[TestClass]
public sealed class ObservabilityEndpointsTests
{
    private static readonly string[] s_apiPaths = ["/api/alerts", "/api/alerts/{id}", "/api/mentions", "/api/feedback"];

    private static WebTestApp s_app = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task Metrics_ForAReader_HoldRequestDurationsAndRuntimeFigures()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");
        await client.Http.GetAsync("/triage", TestContext.CancellationToken);

        // The meter adapter folds measurements into the registry on its own beat: scrape until the request is in.
        HttpStatusCode status;
        string body;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            using var response = await client.Http.GetAsync("/metrics", TestContext.CancellationToken);
            (status, body) = (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.CancellationToken));
            if (body.Contains("microsoft_aspnetcore_hosting_http_server_request_duration_sum", StringComparison.Ordinal) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }

            await Task.Delay(250, TestContext.CancellationToken);
        }
        while (true);

        Assert.AreEqual(HttpStatusCode.OK, status, body);
        StringAssert.Contains(body, "microsoft_aspnetcore_hosting_http_server_request_duration_sum");
        StringAssert.Contains(body, "process_cpu_seconds_total");
    }

    [TestMethod]
    public async Task Metrics_ForAnonymousCallers_AnswerUnauthorizedWithoutARedirect()
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.GetAsync("/metrics", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    public async Task OpenApiDocument_DescribesTheAlertAndMentionApi()
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.GetAsync("/openapi/v1.json", TestContext.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.CancellationToken));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("SocialWatch API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        CollectionAssert.IsSubsetOf(s_apiPaths, paths, string.Join(", ", paths));
        Assert.IsFalse(paths.Any(p => p.StartsWith("/charts", StringComparison.Ordinal)), "the dashboard's chart images are not API");
    }
}
