using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Access;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Web;

/// <summary><c>POST /api/authors/erase</c> against the real host.</summary>
[TestClass]
public sealed class AuthorErasureApiTests
{
    private const string Path = "/api/authors/erase";
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task Admin_CountsFirst_ThenErases_AndTheAuditNamesWhoButNotWhom()
    {
        var alert = await s_app.AddAlertAsync("My refund never came, ring me on 0123 456", source: "reddit");
        var mention = (await s_app.Services.GetRequiredService<IMentionStore>().GetMentionAsync(alert.MentionId!.Value, CancellationToken.None))!.Mention;
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");
        var token = await client.GetFormTokenAsync("/admin/privacy");

        using var dryRun = await SendAsync(client, token, new { source = "reddit", author = mention.Author.Id, dryRun = true });
        using var erased = await SendAsync(client, token, new { source = "reddit", author = mention.Author.Id, reason = "DSR-41" });
        using var again = await SendAsync(client, token, new { source = "reddit", author = mention.Author.Id });

        Assert.AreEqual(HttpStatusCode.OK, dryRun.StatusCode, await dryRun.Content.ReadAsStringAsync());
        var preview = await dryRun.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual((false, 1, 1), (preview.GetProperty("erased").GetBoolean(), preview.GetProperty("counts").GetProperty("mentions").GetInt32(), preview.GetProperty("counts").GetProperty("alerts").GetInt32()));
        Assert.AreEqual(HttpStatusCode.OK, erased.StatusCode, await erased.Content.ReadAsStringAsync());
        var result = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual((true, mention.Author.Id, 1), (result.GetProperty("erased").GetBoolean(), result.GetProperty("authorId").GetString(), result.GetProperty("counts").GetProperty("mentions").GetInt32()));
        Assert.AreEqual(HttpStatusCode.NotFound, again.StatusCode);
        Assert.AreEqual("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.IsNull(await s_app.Services.GetRequiredService<IMentionStore>().GetMentionAsync(alert.MentionId.Value, CancellationToken.None));
        var audit = (await s_app.Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(50, CancellationToken.None)).First(e => e.Area == "privacy");
        Assert.AreEqual(("admin", EraseAuthorData.SubjectHash("reddit", mention.Author.Id)), (audit.Actor, audit.Subject));
        Assert.DoesNotContain(mention.Author.Id, audit.Action + audit.Detail);
        Assert.DoesNotContain("0123", audit.Action + audit.Detail);
    }

    [TestMethod]
    public async Task BadInput_Is400_AndAnUnknownAuthor404()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");
        var token = await client.GetFormTokenAsync("/admin/privacy");

        using var bad = await SendAsync(client, token, new { source = "x", author = "two words" });
        using var unknown = await SendAsync(client, token, new { source = "x", author = "@nobody_at_all" });

        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        StringAssert.Contains(await bad.Content.ReadAsStringAsync(), "one word");
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        StringAssert.Contains(await unknown.Content.ReadAsStringAsync(), "Nothing is stored for '@nobody_at_all' on x.");
    }

    [TestMethod]
    public async Task NonAdmins_AnonymousCallers_AndCallsWithoutTheAntiforgeryToken_AreRefused()
    {
        var alert = await s_app.AddAlertAsync("Still waiting for my bag", source: "x");
        var authorId = (await s_app.Services.GetRequiredService<IMentionStore>().GetMentionAsync(alert.MentionId!.Value, CancellationToken.None))!.Mention.Author.Id;
        using var anonymous = new WebClient(s_app.BaseAddress);
        using var agent = new WebClient(s_app.BaseAddress);
        await agent.SignInAsync("agent");
        using var admin = new WebClient(s_app.BaseAddress);
        await admin.SignInAsync("admin");

        using var anonymousResponse = await anonymous.Http.PostAsJsonAsync(Path, new { source = "x", author = authorId });
        using var agentResponse = await SendAsync(agent, await agent.GetFormTokenAsync("/triage"), new { source = "x", author = authorId });
        using var forged = await admin.Http.PostAsJsonAsync(Path, new { source = "x", author = authorId });

        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, agentResponse.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.IsNotNull(await s_app.Services.GetRequiredService<IMentionStore>().GetMentionAsync(alert.MentionId.Value, CancellationToken.None), "nothing was erased");
    }

    private static Task<HttpResponseMessage> SendAsync(WebClient client, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return client.Http.SendAsync(request);
    }
}
