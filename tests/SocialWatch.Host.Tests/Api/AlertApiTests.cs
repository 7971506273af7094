using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialWatch.Host.Tests.Web;
using WebClient = SocialWatch.Host.Tests.Web.WebClient;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Tests.Api;

[TestClass]
public sealed class AlertApiTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task GetAlert_GivesEachReasonItsCodeTextAndStrength()
    {
        var alert = await s_app.AddAlertAsync("Lost my bag twice this month, @AcmeAir, my lawyer will hear of it");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        using var json = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/alerts/{alert.Id}"));

        var reasons = json.RootElement.GetProperty("alert").GetProperty("reasons").EnumerateArray().Select(r =>
            $"{r.GetProperty("code").GetString()}|{r.GetProperty("text").GetString()}|{r.GetProperty("strength").GetSingle().ToString(CultureInfo.InvariantCulture)}");
        Assert.AreEqual("legal_threat|legal threat|1, author_reach|author reach 48k|0.34", string.Join(", ", reasons));
    }

    [TestMethod]
    public async Task ListAlerts_GivesReasonsAsObjects()
    {
        var alert = await s_app.AddAlertAsync("Third cancelled flight this week, @AcmeAir");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        using var json = JsonDocument.Parse(await client.Http.GetStringAsync("/api/alerts?limit=500"));

        var listed = json.RootElement.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == alert.Id);
        Assert.AreEqual("legal_threat,author_reach", string.Join(",", listed.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString())));
    }

    [TestMethod]
    public async Task ListAlerts_WithACursor_WalksTheQueueInPages_WithoutRepeatsOrGaps()
    {
        for (var i = 0; i < 7; i++)
        {
            await s_app.AddAlertAsync($"Paged complaint {i}: my bag is still in Lisbon, @AcmeAir", team: "paging");
        }

        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");
        using var all = JsonDocument.Parse(await client.Http.GetStringAsync("/api/alerts?limit=500"));
        var expected = all.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();

        var walked = new List<long>();
        var pages = 0;
        var url = "/api/alerts?limit=3&cursor=";
        while (url is not null && pages < 1000)
        {
            using var response = await client.Http.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var ids = page.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
            Assert.IsLessThanOrEqualTo(3, ids.Count);
            walked.AddRange(ids);
            pages++;
            var next = response.Headers.TryGetValues("X-Next-Cursor", out var values) ? values.Single() : null;
            if (next is not null)
            {
                StringAssert.Contains(response.Headers.GetValues("Link").Single(), "rel=\"next\"");
            }

            url = next is null ? null : "/api/alerts?limit=3&cursor=" + Uri.EscapeDataString(next);
        }

        Assert.IsGreaterThanOrEqualTo(7, expected.Count);
        CollectionAssert.AreEquivalent(expected, walked, "every open alert once, none twice");
        Assert.AreEqual((expected.Count + 2) / 3, pages);
    }

    [TestMethod]
    [DataRow("nonsense")]
    [DataRow("d_1_2")]
    [DataRow("r_0.5_3")]
    [DataRow("d_1_2_3;DROP TABLE alerts")]
    public async Task ListAlerts_WithACursorItDidNotGiveOut_Answers400(string cursor)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        using var response = await client.Http.GetAsync("/api/alerts?cursor=" + Uri.EscapeDataString(cursor));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "cursor");
    }

    [TestMethod]
    public async Task AlertActions_WithAnAlertsWriteKey_ClaimAndResolve_AuditedUnderTheKeysName()
    {
        var alert = await s_app.AddAlertAsync("Refund promised in March, still nothing, @AcmeAir", team: "billing");
        var key = await s_app.CreateApiKeyAsync("crm-bridge", ApiKeyScopes.AlertsWrite);
        using var http = new HttpClient { BaseAddress = s_app.BaseAddress };

        var version = alert.Version;
        var answers = new List<string>();
        string? assignee = null;
        foreach (var action in new[] { "claim", "acknowledge", "respond", "resolve" })
        {
            using var response = await PostWithKeyAsync(http, key, $"/api/alerts/{alert.Id}/{action}", new { version, note = action == "resolve" ? "refunded" : null });
            var body = await response.Content.ReadAsStringAsync();
            answers.Add($"{action}:{(int)response.StatusCode}");
            if (response.IsSuccessStatusCode)
            {
                var json = JsonDocument.Parse(body).RootElement;
                version = json.GetProperty("version").GetInt32();
                assignee ??= json.GetProperty("assignedTo").GetString();
            }
        }

        Assert.AreEqual("claim:200, acknowledge:200, respond:200, resolve:200", string.Join(", ", answers));
        Assert.AreEqual("apikey:crm-bridge", assignee);
        var audit = await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IAlertStore>().GetAuditAsync(alert.Id, CancellationToken.None);
        Assert.AreEqual(
            "routing:, apikey:crm-bridge:New, apikey:crm-bridge:Acknowledged, apikey:crm-bridge:Responded, apikey:crm-bridge:Resolved",
            string.Join(", ", audit.Select(a => $"{a.Actor}:{(a.Actor == "routing" ? "" : a.To.ToString())}")));
    }

    [TestMethod]
    public async Task AlertActions_WithAKeyLackingTheAlertsWriteScope_AreForbidden_AndChangeNothing()
    {
        var alert = await s_app.AddAlertAsync("Cancelled again, @AcmeAir");
        var reader = await s_app.CreateApiKeyAsync("dashboard", ApiKeyScopes.Integration);
        var pusher = await s_app.CreateApiKeyAsync("collector", ApiKeyScopes.Push);
        using var http = new HttpClient { BaseAddress = s_app.BaseAddress };

        using var byReader = await PostWithKeyAsync(http, reader, $"/api/alerts/{alert.Id}/claim", new { version = alert.Version });
        using var byPusher = await PostWithKeyAsync(http, pusher, $"/api/alerts/{alert.Id}/dismiss", new { version = alert.Version, reason = "Spam" });
        using var anonymous = await http.PostAsJsonAsync($"/api/alerts/{alert.Id}/claim", new { version = alert.Version });

        Assert.AreEqual(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, byPusher.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var stored = await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IAlertStore>().GetAsync(alert.Id, CancellationToken.None);
        Assert.AreEqual(alert.Version, stored!.Version);
        Assert.IsNull(stored.AssignedTo);
    }

    [TestMethod]
    public async Task AlertsWriteKey_CreatedOnTheAdminPage_ClaimsAnAlert()
    {
        var alert = await s_app.AddAlertAsync("Still no refund, @AcmeAir");
        using var admin = new WebClient(s_app.BaseAddress);
        await admin.SignInAsync("admin");
        var token = await admin.GetFormTokenAsync("/admin/apikeys");

        using var created = await admin.Http.PostAsync("/admin/apikeys?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Name"] = "ticketing",
            ["Scopes"] = ApiKeyScopes.AlertsWrite,
        }));
        var key = System.Text.RegularExpressions.Regex.Match(await created.Content.ReadAsStringAsync(), "id=\"new-key\">(sw_[^<]+)<").Groups[1].Value;
        using var http = new HttpClient { BaseAddress = s_app.BaseAddress };
        using var claimed = await PostWithKeyAsync(http, key, $"/api/alerts/{alert.Id}/claim", new { version = alert.Version });

        Assert.StartsWith("sw_", key);
        Assert.AreEqual(HttpStatusCode.OK, claimed.StatusCode, await claimed.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient http, string key, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return http.SendAsync(request);
    }
}
