using System.Net;
using System.Text.Json;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// The mention reads outside the queue (<c>GET /api/mentions</c>, <c>/charts/engagement/{id}.svg</c>) keep to the
/// caller's teams, as the queue and <c>/api/alerts</c> do.
/// </summary>
[TestClass]
public sealed class TeamScopedReadsTests
{
    [TestMethod]
    public async Task MentionsApi_ForAnAgent_ListsOnlyTheMentionsBehindTheirTeamsAlerts()
    {
        await using var app = await WebTestApp.StartAsync();
        await app.AddTeamAsync("care", "agent");
        await app.AddTeamAsync("billing", "someone-else");
        var mine = await app.AddAlertAsync("my bag is lost", team: "care");
        var theirs = await app.AddAlertAsync("double charged again", team: "billing");
        using var agent = new WebClient(app.BaseAddress);
        await agent.SignInAsync("agent");
        using var manager = new WebClient(app.BaseAddress);
        await manager.SignInAsync("manager");

        var agentIds = await MentionIdsAsync(agent);
        var managerIds = await MentionIdsAsync(manager);

        CollectionAssert.AreEqual(new[] { mine.MentionId!.Value }, agentIds);
        CollectionAssert.AreEquivalent(new[] { mine.MentionId.Value, theirs.MentionId!.Value }, managerIds);
    }

    [TestMethod]
    public async Task EngagementChart_OfAnotherTeamsMention_IsNotFoundForAnAgent()
    {
        await using var app = await WebTestApp.StartAsync();
        await app.AddTeamAsync("care", "agent");
        await app.AddTeamAsync("billing", "someone-else");
        var mine = await app.AddAlertAsync("my bag is lost", team: "care");
        var theirs = await app.AddAlertAsync("double charged again", team: "billing");
        using var agent = new WebClient(app.BaseAddress);
        await agent.SignInAsync("agent");
        using var manager = new WebClient(app.BaseAddress);
        await manager.SignInAsync("manager");

        using var own = await agent.Http.GetAsync($"/charts/engagement/{mine.MentionId}.svg");
        using var other = await agent.Http.GetAsync($"/charts/engagement/{theirs.MentionId}.svg");
        using var managers = await manager.Http.GetAsync($"/charts/engagement/{theirs.MentionId}.svg");

        Assert.AreEqual(HttpStatusCode.OK, own.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, other.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, managers.StatusCode);
    }

    private static async Task<List<long>> MentionIdsAsync(WebClient client)
    {
        using var response = await client.Http.GetAsync("/api/mentions");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
    }
}
