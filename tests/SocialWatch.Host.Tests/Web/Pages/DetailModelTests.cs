using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Web.Pages;

/// <summary>The alert page as served HTML, so that it is checked where no browser is installed.</summary>
[TestClass]
public sealed class DetailModelTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task AlertPage_ListsEachReasonsText_Encoded()
    {
        // One alert per mention is enforced by the store, so the reasons are given to an alert of its own kind.
        var alerts = s_app.Services.GetRequiredService<IAlertStore>();
        var alert = await alerts.CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Spike,
                Brand = "Acme Air",
                Team = "care",
                Priority = AlertPriority.High,
                Title = "reasons page",
                Reasons = [new Reason(ReasonCodes.Complaint, "complaint", 0.96f), ReasonCodes.Rule("<b>vip</b>")],
                CreatedAt = DateTimeOffset.UtcNow,
                Actor = "routing",
            },
            CancellationToken.None);
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("agent");

        var html = await client.Http.GetStringAsync($"/alerts/{alert.Id}");

        StringAssert.Contains(html, "<li>complaint</li>");
        StringAssert.Contains(html, "<li>rule: &lt;b&gt;vip&lt;/b&gt;</li>");
        Assert.IsFalse(html.Contains("96%", StringComparison.Ordinal), "the strength is not in the label");
    }
}
