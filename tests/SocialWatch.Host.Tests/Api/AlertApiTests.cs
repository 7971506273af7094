using System.Globalization;
using System.Text.Json;
using SocialWatch.Host.Tests.Web;

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
}
