using System.Net;

namespace SocialWatch.Host.Tests.Web;

/// <summary>The CSV download of mentions: every page of them, encoded for a spreadsheet, scoped like the JSON list.</summary>
[TestClass]
public sealed class MentionExportTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task The_export_holds_every_mention_across_pages_with_stranger_text_kept_inert()
    {
        var brand = "Export Brand " + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 505; i++)
        {
            await s_app.AddAlertAsync($"bag lost again #{i}", brand: brand);
        }

        await s_app.AddAlertAsync("=cmd|'/c calc'!A1, \"quoted\",\r\nnew line <script>x</script>", brand: brand);
        await s_app.AddAlertAsync("@acme -5 stars", brand: brand);
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        using var response = await client.Http.GetAsync($"/api/mentions.csv?brand={Uri.EscapeDataString(brand)}");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, csv);
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        StringAssert.StartsWith(response.Content.Headers.ContentDisposition?.ToString(), "attachment");
        StringAssert.StartsWith(csv.TrimStart('\uFEFF'), "id,created_at,source,brand,author_handle");
        Assert.AreEqual(505, csv.Split("bag lost again #").Length - 1, "every page is exported, none twice");
        StringAssert.Contains(csv, "\"'=cmd|'/c calc'!A1, \"\"quoted\"\",\r\nnew line <script>x</script>\"", "a formula is made text, quotes and line breaks kept");
        StringAssert.Contains(csv, "'@acme -5 stars");
    }

    [TestMethod]
    public async Task An_agent_exports_only_the_mentions_of_their_teams()
    {
        var brand = "Scoped Brand " + Guid.NewGuid().ToString("N")[..6];
        await s_app.AddAlertAsync("in my team", team: "care", brand: brand);
        await s_app.AddAlertAsync("in another team", team: "elsewhere-" + Guid.NewGuid().ToString("N")[..6], brand: brand);
        await s_app.AddTeamAsync("care", "agent");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        var csv = await client.Http.GetStringAsync($"/api/mentions.csv?brand={Uri.EscapeDataString(brand)}");

        StringAssert.Contains(csv, "in my team");
        Assert.DoesNotContain("in another team", csv);
    }

    [TestMethod]
    public async Task A_reversed_period_is_refused_with_a_clear_error()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        using var response = await client.Http.GetAsync("/api/mentions.csv?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z");
        var body = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(body, "since must not be after until");
    }

    [TestMethod]
    public async Task Anonymous_callers_get_nothing()
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.GetAsync("/api/mentions.csv");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
