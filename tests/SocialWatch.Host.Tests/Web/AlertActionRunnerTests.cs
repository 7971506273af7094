using System.Security.Claims;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Tests.Web;

/// <summary>The runner in the real host's container, so the use cases it is given are the ones the pages and API use.</summary>
[TestClass]
public sealed class AlertActionRunnerTests
{
    private static readonly ClaimsPrincipal s_agent =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "agent"), new Claim(ClaimTypes.Role, SocialWatchRoles.Agent)], "test"));

    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task Promise_DueInThePast_IsABadRequestSayingSo_AndRecordsNothing()
    {
        var alert = await s_app.AddAlertAsync("@AcmeAir you said someone would call me back, nobody did");
        var request = new AlertActionRequest { Version = alert.Version, PromiseText = "call back", PromiseDueAt = DateTimeOffset.UtcNow.AddHours(-1) };

        var outcome = await RunAsync(alert.Id, AlertAction.Promise, request);

        Assert.AreEqual((400, "A promise must be due in the future."), (outcome.Status, outcome.Error));
        Assert.AreEqual(alert.Version, (await s_app.Services.GetRequiredService<IAlertStore>().GetAsync(alert.Id, CancellationToken.None))!.Version);
    }

    [TestMethod]
    public async Task Promise_WithoutText_IsABadRequestNamingTheLengthAllowed()
    {
        var alert = await s_app.AddAlertAsync("@AcmeAir my refund is three weeks late");
        var request = new AlertActionRequest { Version = alert.Version, PromiseText = " ", PromiseDueAt = DateTimeOffset.UtcNow.AddHours(2) };

        var outcome = await RunAsync(alert.Id, AlertAction.Promise, request);

        Assert.AreEqual((400, "A promise needs a text of 1 to 1000 characters."), (outcome.Status, outcome.Error));
    }

    [TestMethod]
    public async Task Dismiss_AsWrongSentimentWithoutTheRightOne_IsABadRequestSayingWhatIsMissing()
    {
        var alert = await s_app.AddAlertAsync("@AcmeAir lovely crew on the Lisbon flight");
        var request = new AlertActionRequest { Version = alert.Version, Reason = DismissReason.WrongSentiment };

        var outcome = await RunAsync(alert.Id, AlertAction.Dismiss, request);

        Assert.AreEqual((400, "A wrong-sentiment dismissal needs the correct sentiment."), (outcome.Status, outcome.Error));
    }

    [TestMethod]
    public async Task Dismiss_WithoutAReason_IsABadRequestAskingForOne()
    {
        var alert = await s_app.AddAlertAsync("@AcmeAir is the lounge open at night?");

        var outcome = await RunAsync(alert.Id, AlertAction.Dismiss, new AlertActionRequest { Version = alert.Version });

        Assert.AreEqual((400, "Choose why the alert is dismissed."), (outcome.Status, outcome.Error));
    }

    [TestMethod]
    public async Task AnArgumentFault_OutsideTheAgentsInput_IsThrown_NotShownAsTheirMistake()
    {
        var alert = await s_app.AddAlertAsync("@AcmeAir the app logs me out every time I pay");

        await Assert.ThrowsExactlyAsync<ArgumentOutOfRangeException>(
            () => RunAsync(alert.Id, (AlertAction)99, new AlertActionRequest { Version = alert.Version }));
    }

    [TestMethod]
    public async Task Claim_OfAFreshAlert_Succeeds_WithTheClaimedAlert()
    {
        var alert = await s_app.AddAlertAsync("@AcmeAir fourth delay this month");

        var outcome = await RunAsync(alert.Id, AlertAction.Claim, new AlertActionRequest { Version = alert.Version });

        Assert.AreEqual((200, "agent"), (outcome.Status, outcome.Alert?.AssignedTo));
    }

    private static async Task<AlertActionOutcome> RunAsync(long alertId, AlertAction action, AlertActionRequest request)
    {
        await using var scope = s_app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertActionRunner>().RunAsync(alertId, action, request, s_agent, CancellationToken.None);
    }
}
