using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialWatch.Host.Tests.Web;

/// <summary>Digest subscriptions managed by API against the real host.</summary>
[TestClass]
public sealed class DigestApiTests
{
    private const string Path = "/api/digests/subscriptions";
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task Admin_CreatesListsPreviewsAndDeletesASubscription()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");
        var token = await client.GetFormTokenAsync("/admin/digests");

        using var created = await SendAsync(client, HttpMethod.Post, Path, token, new
        {
            name = "Care leads <daily>",
            recipients = (string[])["lead@example.com"],
            brands = (string[])["Acme Air"],
            cadence = "Daily",
            sendAt = "08:00",
            timeZone = "Europe/London",
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var list = await client.Http.GetAsync(new Uri(Path, UriKind.Relative));
        using var preview = await client.Http.GetAsync(new Uri($"{Path}/{id}/preview", UriKind.Relative));
        using var deleted = await SendAsync(client, HttpMethod.Delete, $"{Path}/{id}", token, null);
        using var deletedAgain = await SendAsync(client, HttpMethod.Delete, $"{Path}/{id}", token, null);

        StringAssert.Contains(await list.Content.ReadAsStringAsync(), "lead@example.com");
        Assert.AreEqual(HttpStatusCode.OK, preview.StatusCode, await preview.Content.ReadAsStringAsync());
        var previewJson = await preview.Content.ReadFromJsonAsync<JsonElement>();
        StringAssert.Contains(previewJson.GetProperty("html").GetString(), "&lt;daily&gt;", "the stranger-safe name is encoded in the HTML");
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [TestMethod]
    public async Task Create_WithBadFields_Returns400NamingEachField()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");
        var token = await client.GetFormTokenAsync("/admin/digests");

        using var response = await SendAsync(client, HttpMethod.Post, Path, token, new
        {
            name = "x",
            recipients = (string[])["not an address"],
            cadence = "Daily",
            sendAt = "08:00",
            timeZone = "Mars/Olympus",
        });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        StringAssert.Contains(body, "Mars/Olympus");
        StringAssert.Contains(body, "not an address");
    }

    [TestMethod]
    public async Task NonAdminAndAnonymousCallers_AreRefused()
    {
        using var anonymous = new WebClient(s_app.BaseAddress);
        using var agent = new WebClient(s_app.BaseAddress);
        await agent.SignInAsync("agent");

        using var anonymousResponse = await anonymous.Http.GetAsync(new Uri(Path, UriKind.Relative));
        using var agentResponse = await agent.Http.GetAsync(new Uri(Path, UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, agentResponse.StatusCode);
    }

    [TestMethod]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");

        using var response = await client.Http.PostAsJsonAsync(new Uri(Path, UriKind.Relative), new { name = "forged", recipients = (string[])["a@example.com"], cadence = "Daily", sendAt = "08:00", timeZone = "UTC" });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(WebClient client, HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return client.Http.SendAsync(request);
    }
}
