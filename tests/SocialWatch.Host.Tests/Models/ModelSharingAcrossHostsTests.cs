using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialWatch.Core.Access;
using SocialWatch.Core.Scoring;
using SocialWatch.Host.Tests.Web;
using SocialWatch.Scoring.Models;
using WebClient = SocialWatch.Host.Tests.Web.WebClient;

namespace SocialWatch.Host.Tests.Models;

/// <summary>
/// Two hosts on one database, each with its own model cache: a version promoted on one (by an admin on the page, or
/// through the store) is served by the other after its next poll, and /health on each says which version it runs.
/// </summary>
[TestClass]
public sealed class ModelSharingAcrossHostsTests
{
    private const string NewVersion = "v20991231-000000";

    // The poll is driven by the test: the watchers run once at start and then not again for the test's length.
    private static readonly string[] s_slowPoll = ["--Scoring:ModelPollInterval", "00:10:00"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task PromotionOnOneHost_OnSqlite_IsServedByTheOtherAfterItsNextPoll_AndRollbackFollowsToo()
    {
        await using var a = await WebTestApp.StartAsync(s_slowPoll);
        await using var b = await WebTestApp.StartAsync([.. s_slowPoll, "--ConnectionStrings:SocialWatch", a.ConnectionString]);

        await AssertSharedAsync(a, b);
    }

    [TestMethod]
    public async Task PromotionOnOneHost_OnPostgreSql_IsServedByTheOtherAfterItsNextPoll_AndRollbackFollowsToo()
    {
        var database = await TestPostgres.CreateDatabaseAsync("sw_models_across_hosts");
        string[] postgres = [.. s_slowPoll, "--Storage:Provider", "PostgreSql", "--ConnectionStrings:SocialWatch", database, "--Web:DemoUsers:AllowOnSharedDatabase", "true"];
        await using var a = await WebTestApp.StartAsync(postgres);
        await using var b = await WebTestApp.StartAsync(postgres);

        await AssertSharedAsync(a, b);
    }

    [TestMethod]
    public async Task TheWatcher_PicksUpAPromotionWithinItsInterval_WithoutBeingDriven()
    {
        await using var a = await WebTestApp.StartAsync("--Scoring:ModelPollInterval", "00:00:01");
        await using var b = await WebTestApp.StartAsync("--Scoring:ModelPollInterval", "00:00:01", "--ConnectionStrings:SocialWatch", a.ConnectionString);
        var models = await SeededAsync(a);
        await models.PublishAsync(NewModelDirectory(), "cli", TestContext.CancellationToken);

        await models.PromoteAsync(NewVersion, "cli:test", TestContext.CancellationToken);
        var scorer = b.Services.GetRequiredService<IMentionScorer>();
        var waited = Stopwatch.StartNew();
        while (scorer.ModelVersion != NewVersion && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, TestContext.CancellationToken);
        }

        Assert.AreEqual(NewVersion, scorer.ModelVersion, "host b's watcher loads the promoted version by itself");
    }

    private async Task AssertSharedAsync(WebTestApp a, WebTestApp b)
    {
        var cancel = TestContext.CancellationToken;
        var onA = await SeededAsync(a);
        var onB = await SeededAsync(b);
        var shipped = a.Services.GetRequiredService<IMentionScorer>().ModelVersion;
        await onA.PublishAsync(NewModelDirectory(), "cli", cancel);
        using var admin = new WebClient(b.BaseAddress);
        await admin.SignInAsync("admin");

        // An admin on host B promotes; host A has not polled since.
        var page = await admin.Http.GetStringAsync("/admin/models", cancel);
        using var promote = await PostAsync(admin, "Promote&version=" + NewVersion);
        var servedByABeforePoll = a.Services.GetRequiredService<IMentionScorer>().ModelVersion;
        var swapped = await onA.SyncAsync(cancel);

        StringAssert.Contains(page, NewVersion);
        StringAssert.Contains(page, ShippedModelCopy.Format(ShippedModelCopy.Metrics.ComplaintMacroF1), "the shipped version's complaint macro-F1 from its metrics.json");
        Assert.AreEqual(HttpStatusCode.Redirect, promote.StatusCode);
        Assert.AreEqual(NewVersion, b.Services.GetRequiredService<IMentionScorer>().ModelVersion, "the promoting host serves it at once");
        Assert.AreEqual(shipped, servedByABeforePoll);
        Assert.IsTrue(swapped);
        Assert.AreEqual(NewVersion, a.Services.GetRequiredService<IMentionScorer>().ModelVersion);
        Assert.AreEqual(NewVersion, await RunningVersionAsync(a));
        Assert.AreEqual(new ModelSyncStatus(NewVersion, NewVersion, onA.Status.LastPolledAt, null), onA.Status);
        var audit = await a.Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(5, cancel);
        Assert.IsTrue(audit.Any(e => e is { Area: "model", Action: "promoted", Actor: "admin" } && e.Subject == NewVersion), "the promotion is in the admin audit");

        // Rolled back from host A; host B follows on its poll.
        await onA.RollbackAsync("cli:test", cancel);
        await onB.SyncAsync(cancel);

        Assert.AreEqual(shipped, b.Services.GetRequiredService<IMentionScorer>().ModelVersion);
        Assert.AreEqual(shipped, await RunningVersionAsync(b));
    }

    [TestMethod]
    public async Task ModelsPage_IsForAdminsOnly_AndRefusesAPostWithoutTheAntiforgeryToken()
    {
        await using var app = await WebTestApp.StartAsync(s_slowPoll);
        var models = await SeededAsync(app);
        await models.PublishAsync(NewModelDirectory(), "cli", TestContext.CancellationToken);
        using var agent = new WebClient(app.BaseAddress);
        await agent.SignInAsync("agent");
        using var admin = new WebClient(app.BaseAddress);
        await admin.SignInAsync("admin");

        using var asAgent = await agent.Http.GetAsync("/admin/models", TestContext.CancellationToken);
        using var forged = await admin.Http.PostAsync(
            "/admin/models?handler=Promote&version=" + NewVersion, new FormUrlEncodedContent(new Dictionary<string, string>()), TestContext.CancellationToken);
        using var unknown = await PostAsync(admin, "Promote&version=nope");
        var afterUnknown = await admin.Http.GetStringAsync("/admin/models", TestContext.CancellationToken);

        Assert.AreNotEqual(HttpStatusCode.OK, asAgent.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.AreNotEqual(NewVersion, (await models.GetPromotedAsync(TestContext.CancellationToken))?.Version);
        StringAssert.Contains(afterUnknown, "There is no model version &#x27;nope&#x27;.");
    }

    [TestMethod]
    public async Task ModelsPage_PromotesAndRollsBack_AndShowsTheRollbackTarget()
    {
        await using var app = await WebTestApp.StartAsync(s_slowPoll);
        var models = await SeededAsync(app);
        var shipped = app.Services.GetRequiredService<IMentionScorer>().ModelVersion;
        await models.PublishAsync(NewModelDirectory(), "cli", TestContext.CancellationToken);
        using var admin = new WebClient(app.BaseAddress);
        await admin.SignInAsync("admin");

        using var promote = await PostAsync(admin, "Promote&version=" + NewVersion);
        var afterPromote = await admin.Http.GetStringAsync("/admin/models", TestContext.CancellationToken);
        using var rollback = await PostAsync(admin, "Rollback");
        var afterRollback = await admin.Http.GetStringAsync("/admin/models", TestContext.CancellationToken);

        StringAssert.Contains(afterPromote, $"Promoted {NewVersion} for every host (replacing {shipped}).");
        StringAssert.Contains(afterPromote, $"Roll back to {shipped}");
        StringAssert.Contains(afterRollback, $"Rolled back to {shipped} for every host.");
        Assert.AreEqual(shipped, app.Services.GetRequiredService<IMentionScorer>().ModelVersion);
        Assert.AreEqual(shipped, (await models.GetPromotedAsync(TestContext.CancellationToken))?.Version);
    }

    private async Task<SharedModels> SeededAsync(WebTestApp app)
    {
        var models = app.Services.GetRequiredService<SharedModels>();
        await models.EnsureSeededAsync(TestContext.CancellationToken);

        // The watcher's first run (seed and poll) is over once it has polled; from then on the test drives it.
        var waited = Stopwatch.StartNew();
        while (models.Status.LastPolledAt is null && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50, TestContext.CancellationToken);
        }

        return models;
    }

    private async Task<HttpResponseMessage> PostAsync(WebClient client, string handler)
    {
        var token = await client.GetFormTokenAsync("/admin/models");
        return await client.Http.PostAsync(
            "/admin/models?handler=" + handler,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            TestContext.CancellationToken);
    }

    private async Task<string?> RunningVersionAsync(WebTestApp app)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var json = JsonNode.Parse(await http.GetStringAsync("/health", TestContext.CancellationToken));
        return json?["checks"]?["model"]?["data"]?["running"]?.GetValue<string>();
    }

    private static string NewModelDirectory() => ShippedModelCopy.Create(NewVersion, new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero));
}
