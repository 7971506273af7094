using System.Net;
using System.Text.Json;
using SocialWatch.Host.Tests.Web;
using WebClient = SocialWatch.Host.Tests.Web.WebClient;

namespace SocialWatch.Host.Tests.Api;

/// <summary>Cursor paging of <c>GET /api/mentions</c> on the real host.</summary>
[TestClass]
public sealed class MentionApiTests
{
    private static WebTestApp s_app = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task ListMentions_WalkedByCursor_GivesEveryMentionOnce_NewestFirst()
    {
        var stored = new List<long>();
        for (var i = 0; i < 11; i++)
        {
            stored.Add((await s_app.AddAlertAsync($"Delayed again, number {i}, @AcmeAir", source: "cursortest")).MentionId!.Value);
        }

        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/mentions?source=cursortest&limit=4" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var page = JsonDocument.Parse(await client.Http.GetStringAsync(url, TestContext.CancellationToken));
            seen.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
            cursor = page.RootElement.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        CollectionAssert.AreEqual(stored.OrderDescending().ToList(), seen, "no duplicates, no gaps, newest first");
        Assert.AreEqual(3, pages);
    }

    [TestMethod]
    public async Task ListMentions_NextCursor_MatchesTheOlderBeforeIdForm()
    {
        await s_app.AddAlertAsync("Lost bag, @AcmeAir", source: "cursorform");
        await s_app.AddAlertAsync("Lost bag again, @AcmeAir", source: "cursorform");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        using var first = JsonDocument.Parse(await client.Http.GetStringAsync("/api/mentions?source=cursorform&limit=1", TestContext.CancellationToken));
        var beforeId = first.RootElement.GetProperty("nextBeforeId").GetInt64();
        var next = first.RootElement.GetProperty("next").GetString()!;
        using var byCursor = JsonDocument.Parse(await client.Http.GetStringAsync("/api/mentions?source=cursorform&limit=1&cursor=" + Uri.EscapeDataString(next), TestContext.CancellationToken));
        using var byId = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/mentions?source=cursorform&limit=1&beforeId={beforeId}", TestContext.CancellationToken));

        Assert.AreEqual(
            byId.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64(),
            byCursor.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.IsLessThan(beforeId, byCursor.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [TestMethod]
    [DataRow("not-a-cursor")]
    [DataRow("bTEuLTU")]
    [DataRow("eDEuMTI")]
    public async Task ListMentions_WithACursorItDidNotGive_AnswersBadRequestProblem(string cursor)
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        using var response = await client.Http.GetAsync("/api/mentions?cursor=" + Uri.EscapeDataString(cursor), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(TestContext.CancellationToken), "cursor");
    }

    [TestMethod]
    public async Task ListMentions_WithCursorAndBeforeId_AnswersBadRequest()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        using var response = await client.Http.GetAsync("/api/mentions?beforeId=5&cursor=bTEuNQ", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
