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
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync("--Metrics:SampleInterval", "00:00:01");

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
    public async Task Metrics_HoldTheIngestCountsPerSource_AndTheServiceGauges()
    {
        var brand = (await s_app.Services.GetRequiredService<SocialWatch.Core.Brands.IBrandDirectory>().GetAsync(TestContext.CancellationToken)).Entries[0].Brand;
        var mentions = Enumerable.Range(1, 3).Select(i => new SocialWatch.Ingest.Pipeline.BrandMention(brand, new SocialWatch.Core.Mentions.Mention
        {
            Source = "metricstest",
            ExternalId = "m-" + i,
            Brand = brand.Name,
            Text = $"{brand.Name} lost my bag again, number {i}",
            Author = new SocialWatch.Core.Mentions.MentionAuthor("a" + i, "author" + i, null, 10, false),
            CreatedAt = DateTimeOffset.UtcNow,
        })).ToList();
        var pipeline = s_app.Services.GetRequiredService<SocialWatch.Ingest.Pipeline.MentionPipeline>();
        await pipeline.ProcessAsync(new SocialWatch.Ingest.Pipeline.StreamBatch("metrics:test", mentions, null, null), TestContext.CancellationToken);
        await pipeline.ProcessAsync(new SocialWatch.Ingest.Pipeline.StreamBatch("metrics:test", mentions.Take(1).ToList(), null, null), TestContext.CancellationToken);

        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");
        var body = await ScrapeUntilAsync(client, b => b.Contains("socialwatch_ingest_stored{source=\"metricstest\"} 3", StringComparison.Ordinal));

        StringAssert.Contains(body, "socialwatch_ingest_received{source=\"metricstest\"} 4", "a duplicate is received but not stored again");
        StringAssert.Contains(body, "socialwatch_ingest_stored{source=\"metricstest\"} 3");
        var sla = await s_app.Services.GetRequiredService<SocialWatch.Core.Insights.IInsightsStore>().GetSlaSummaryAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(30), TestContext.CancellationToken);
        body = await ScrapeUntilAsync(client, b => b.Contains($"socialwatch_alerts_open {sla.Open}\n", StringComparison.Ordinal));
        StringAssert.Contains(body, $"socialwatch_alerts_open {sla.Open}\n");
        StringAssert.Contains(body, "socialwatch_alerts_breached ");
        StringAssert.Contains(body, "socialwatch_watch_entries ");
        StringAssert.Contains(body, "socialwatch_jobs_failed ");
        StringAssert.Contains(body, "socialwatch_model_info{version=\"" + s_app.Services.GetRequiredService<SocialWatch.Core.Scoring.IMentionScorer>().ModelVersion + "\"} 1");
    }

    private async Task<string> ScrapeUntilAsync(WebClient client, Func<string, bool> done)
    {
        // The gauges are sampled every second and the meter adapter folds measurements in on its own beat.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var body = await client.Http.GetStringAsync("/metrics", TestContext.CancellationToken);
            if (done(body) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return body;
            }

            await Task.Delay(250, TestContext.CancellationToken);
        }
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
