using System.Net;
using System.Net.Http.Json;
using SocialWatch.Core.Access;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Tests.Web;

/// <summary>Who may call what: anonymous callers, wrong roles, forged posts and API keys, against the real host.</summary>
[TestClass]
public sealed class WebSecurityTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    [DataRow("/triage")]
    [DataRow("/dashboard")]
    [DataRow("/admin")]
    [DataRow("/admin/apikeys")]
    [DataRow("/admin/privacy")]
    [DataRow("/")]
    public async Task AnonymousPage_RedirectsToSignIn(string path)
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.GetAsync(path);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/login");
    }

    [TestMethod]
    [DataRow("GET", "/api/alerts")]
    [DataRow("GET", "/api/mentions")]
    [DataRow("GET", "/live/alerts")]
    [DataRow("GET", "/charts/volume.svg")]
    [DataRow("POST", "/api/alerts/1/claim")]
    [DataRow("POST", "/api/feedback")]
    [DataRow("POST", "/api/authors/erase")]
    public async Task AnonymousApiCall_Returns401(string method, string path)
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { version = 1 }) });

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    [DataRow("pr", "/triage")]
    [DataRow("admin", "/triage")]
    [DataRow("agent", "/dashboard")]
    [DataRow("admin", "/dashboard")]
    [DataRow("agent", "/admin")]
    [DataRow("pr", "/admin/users")]
    [DataRow("manager", "/admin/apikeys")]
    [DataRow("manager", "/admin/privacy")]
    [DataRow("agent", "/admin/privacy")]
    public async Task WrongRolePage_IsDeniedWith403(string role, string path)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync(role);

        using var response = await client.Http.GetAsync(path);
        using var denied = await client.Http.GetAsync(response.Headers.Location);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/denied");
        Assert.AreEqual(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [TestMethod]
    [DataRow("admin", "GET", "/api/alerts")]
    [DataRow("admin", "GET", "/api/mentions")]
    [DataRow("pr", "POST", "/api/alerts/1/claim")]
    [DataRow("pr", "POST", "/api/feedback")]
    [DataRow("agent", "GET", "/charts/volume.svg")]
    public async Task WrongRoleApiCall_Returns403(string role, string method, string path)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync(role);

        using var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { version = 1 }) });

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [TestMethod]
    [DataRow("agent", "/api/alerts")]
    [DataRow("pr", "/api/alerts")]
    [DataRow("manager", "/api/mentions")]
    [DataRow("pr", "/charts/volume.svg")]
    public async Task RightRole_IsServed(string role, string path)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync(role);

        using var response = await client.Http.GetAsync(path);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow("agent")]
    [DataRow("pr")]
    [DataRow("manager")]
    public async Task HangfireDashboard_ForNonAdmin_IsDenied(string role)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync(role);

        using var response = await client.Http.GetAsync("/hangfire");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/denied");
    }

    [TestMethod]
    public async Task HangfireDashboard_ForAdmin_IsServed_AndAnonymousIsSentToSignIn()
    {
        using var admin = new WebClient(s_app.BaseAddress);
        using var anonymous = new WebClient(s_app.BaseAddress);
        await admin.SignInAsync("admin");

        using var served = await admin.Http.GetAsync("/hangfire");
        using var challenged = await anonymous.Http.GetAsync("/hangfire");

        Assert.AreEqual(HttpStatusCode.OK, served.StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, challenged.StatusCode);
        StringAssert.StartsWith(challenged.Headers.Location!.AbsolutePath, "/login");
    }

    [TestMethod]
    public async Task ForgedPagePost_WithoutAntiforgeryToken_IsRejected()
    {
        var alert = await s_app.AddAlertAsync("Forged claim target");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        using var response = await client.Http.PostAsync($"/alerts/{alert.Id}?handler=Claim", new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1" }));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.IsNull((await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IAlertStore>().GetAsync(alert.Id, CancellationToken.None))!.AssignedTo);
    }

    [TestMethod]
    public async Task ForgedBulkPost_WithoutAntiforgeryToken_IsRejected()
    {
        var alert = await s_app.AddAlertAsync("Forged bulk dismissal target");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        using var response = await client.Http.PostAsync("/triage?handler=Bulk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bulk"] = "dismiss",
            ["rows"] = $"{alert.Id}:{alert.Version}",
            ["reason"] = "Spam",
        }));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(AlertState.New, (await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IAlertStore>().GetAsync(alert.Id, CancellationToken.None))!.State);
    }

    [TestMethod]
    public async Task ApiAssign_ByAManagerWithAntiforgeryHeader_AssignsToATeamMember()
    {
        await s_app.AddTeamAsync("api-desk", "bob");
        var alert = await s_app.AddAlertAsync("API assign target", team: "api-desk");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");
        var token = await client.GetFormTokenAsync($"/alerts/{alert.Id}");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{alert.Id}/assign") { Content = JsonContent.Create(new { version = alert.Version, assignee = "bob" }) };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("bob", (await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IAlertStore>().GetAsync(alert.Id, CancellationToken.None))!.AssignedTo);
    }

    [TestMethod]
    public async Task ForgedApiPost_WithCookieButNoAntiforgeryHeader_IsRejected()
    {
        var alert = await s_app.AddAlertAsync("Forged API claim target");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        using var response = await client.Http.PostAsJsonAsync($"/api/alerts/{alert.Id}/claim", new { version = alert.Version });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.IsNull((await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IAlertStore>().GetAsync(alert.Id, CancellationToken.None))!.AssignedTo);
    }

    [TestMethod]
    public async Task ApiPost_WithAntiforgeryHeader_Claims()
    {
        var alert = await s_app.AddAlertAsync("API claim target");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");
        var token = await client.GetFormTokenAsync($"/alerts/{alert.Id}");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{alert.Id}/claim") { Content = JsonContent.Create(new { version = alert.Version }) };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("agent", (await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IAlertStore>().GetAsync(alert.Id, CancellationToken.None))!.AssignedTo);
    }

    [TestMethod]
    public async Task FeedbackPost_ByAgentWithToken_StoresACorrectionLabel()
    {
        var alert = await s_app.AddAlertAsync("Feedback target: the fries were cold");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");
        var token = await client.GetFormTokenAsync($"/alerts/{alert.Id}");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
        {
            Content = JsonContent.Create(new { mentionId = alert.MentionId, sentiment = "Neutral", complaint = false }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.Http.SendAsync(request);
        var labels = await s_app.Services.GetRequiredService<SocialWatch.Core.Storage.IFeedbackStore>().GetAsync(0, 1000, CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var label = labels.Single(l => l.MentionId == alert.MentionId);
        Assert.AreEqual("Feedback target: the fries were cold", label.Text);
        Assert.AreEqual(SocialWatch.Core.Scoring.SentimentLabel.Neutral, label.Sentiment);
        Assert.AreEqual("correction", label.Origin);
        Assert.AreEqual("agent", label.Actor);
    }

    [TestMethod]
    public async Task FeedbackPost_WithoutAnyLabel_IsRefusedWithReason()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");
        var token = await client.GetFormTokenAsync("/triage");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback") { Content = JsonContent.Create(new { text = "hello" }) };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "at least one of sentiment, complaint or escalate");
    }

    [TestMethod]
    public async Task IntegrationApiKey_ReadsAlerts_ButPushOnlyKeyDoesNot()
    {
        var integration = await CreateKeyAsync("integration-test", ApiKeyScopes.Integration);
        var push = await CreateKeyAsync("push-test", ApiKeyScopes.Push);
        using var http = new HttpClient { BaseAddress = s_app.BaseAddress };

        using var withIntegration = await SendWithKeyAsync(http, "/api/alerts", "X-Api-Key", integration);
        using var withPush = await SendWithKeyAsync(http, "/api/alerts", "Authorization", "ApiKey " + push);
        using var withUnknown = await SendWithKeyAsync(http, "/api/alerts", "X-Api-Key", ApiKeyGenerator.NewKey());

        Assert.AreEqual(HttpStatusCode.OK, withIntegration.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, withPush.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, withUnknown.StatusCode);
    }

    [TestMethod]
    public async Task PushedMention_WithCountsNearTheInt64Limit_IsRefusedWithA400NamingTheField()
    {
        var push = await CreateKeyAsync("push-bounds", ApiKeyScopes.Push);
        using var http = new HttpClient { BaseAddress = s_app.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", push);

        using var response = await http.PostAsync("/api/mentions", new StringContent(
            """{"id":"huge-1","brand":"Acme Air","text":"refund now","author":{"handle":"h","followers":9223372036854775807},"metrics":{"likes":9223372036854775807,"reposts":9223372036854775807},"createdAt":"9999-12-31T00:00:00Z"}""",
            System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, body);
        StringAssert.Contains(body, "metrics.likes");
        StringAssert.Contains(body, "author.followers");
        StringAssert.Contains(body, "createdAt");
    }

    [TestMethod]
    public async Task StoredMention_WithCountsNearTheInt64Limit_LeavesTriageItsRowsTheAlertsApiAndItsChartWorking()
    {
        var hostile = await s_app.AddAlertAsync(
            "Counters from before the bounds", metrics: new EngagementMetrics(long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue),
            followers: long.MaxValue, createdAt: DateTimeOffset.MaxValue);
        var reader = await CreateKeyAsync("reader-bounds", ApiKeyScopes.Integration);
        using var agent = new WebClient(s_app.BaseAddress);
        await agent.SignInAsync("agent");
        using var http = new HttpClient { BaseAddress = s_app.BaseAddress };

        using var triage = await agent.Http.GetAsync("/triage");
        using var rows = await agent.Http.GetAsync("/triage?handler=Rows");
        using var chart = await agent.Http.GetAsync($"/charts/engagement/{hostile.MentionId}.svg");
        using var api = await SendWithKeyAsync(http, "/api/alerts", "X-Api-Key", reader);

        Assert.AreEqual(HttpStatusCode.OK, triage.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, rows.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, chart.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, api.StatusCode);
        StringAssert.Contains(await rows.Content.ReadAsStringAsync(), "Counters from before the bounds");
    }

    [TestMethod]
    public async Task RevokedApiKey_IsRefused()
    {
        var key = await CreateKeyAsync("revoked-test", ApiKeyScopes.Integration);
        var store = s_app.Services.GetRequiredService<IApiKeyStore>();
        var stored = await store.FindActiveByHashAsync(ApiKeyGenerator.Hash(key), CancellationToken.None);
        await store.RevokeAsync(stored!.Id, "test", DateTimeOffset.UtcNow, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = s_app.BaseAddress };

        using var response = await SendWithKeyAsync(http, "/api/alerts", "X-Api-Key", key);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    public async Task ApiKey_IsStoredOnlyAsItsHash()
    {
        var key = await CreateKeyAsync("hash-test", ApiKeyScopes.Push);

        var stored = (await s_app.Services.GetRequiredService<IApiKeyStore>().ListAsync(CancellationToken.None)).Single(k => k.Name == "hash-test");

        Assert.AreEqual(ApiKeyGenerator.Hash(key), stored.Hash);
        Assert.AreNotEqual(key, stored.Hash);
        Assert.IsFalse(stored.Hash.Contains(key[10..], StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task WrongPassword_DoesNotSignIn()
    {
        using var client = new WebClient(s_app.BaseAddress);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => client.SignInAsync("admin", "not-the-password"));
        using var response = await client.Http.GetAsync("/admin");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/login");
    }

    [TestMethod]
    public async Task DemoUsers_AreStoredWithHashedPasswords()
    {
        var admin = await s_app.FindUserAsync("admin");

        Assert.IsNotNull(admin);
        Assert.AreEqual("admin", string.Join(",", admin.Roles));
        Assert.IsFalse(admin.PasswordHash!.Contains(WebTestApp.Password, StringComparison.Ordinal));
    }

    private static async Task<string> CreateKeyAsync(string name, string scope)
    {
        var key = ApiKeyGenerator.NewKey();
        await s_app.Services.GetRequiredService<IApiKeyStore>().CreateAsync(
            new ApiKey { Name = name, Prefix = ApiKeyGenerator.PrefixOf(key), Hash = ApiKeyGenerator.Hash(key), Scopes = [scope], CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None);
        return key;
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient http, string path, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, value);
        return http.SendAsync(request);
    }
}
