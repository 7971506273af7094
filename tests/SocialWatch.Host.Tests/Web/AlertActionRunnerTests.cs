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

    private static readonly ClaimsPrincipal s_manager =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "manager"), new Claim(ClaimTypes.Role, SocialWatchRoles.Manager)], "test"));

    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_app = await WebTestApp.StartAsync();
        await s_app.AddTeamAsync("care", "agent", "bob");
    }

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

    [TestMethod]
    public async Task Assign_OfAnAlertAnotherAgentHolds_IsRefusedToAnAgent_ButAManagerMovesIt()
    {
        var alert = await s_app.AddAlertAsync("@AcmeAir my refund was promised twice");
        var claimed = await RunAsync(alert.Id, AlertAction.Claim, new AlertActionRequest { Version = alert.Version });
        var held = await RunAsync(alert.Id, AlertAction.Assign, new AlertActionRequest { Version = claimed.Alert!.Version, Assignee = "bob" }, s_manager);
        var back = await RunAsync(alert.Id, AlertAction.Assign, new AlertActionRequest { Version = held.Alert!.Version, Assignee = "agent" });
        var noOne = await RunAsync(alert.Id, AlertAction.Assign, new AlertActionRequest { Version = held.Alert!.Version });
        var outsider = await RunAsync(alert.Id, AlertAction.Assign, new AlertActionRequest { Version = held.Alert!.Version, Assignee = "mallory" }, s_manager);
        var released = await RunAsync(alert.Id, AlertAction.Unclaim, new AlertActionRequest { Version = held.Alert!.Version }, s_manager);

        Assert.AreEqual((200, "bob"), (held.Status, held.Alert.AssignedTo));
        Assert.AreEqual((409, "bob already works on this alert."), (back.Status, back.Error));
        Assert.AreEqual((400, "Choose whom to assign the alert to."), (noOne.Status, noOne.Error));
        Assert.AreEqual((400, "That person is not an active member of the alert's team."), (outsider.Status, outsider.Error));
        Assert.AreEqual(200, released.Status);
        Assert.IsNull(released.Alert!.AssignedTo);
    }

    private static async Task<AlertActionOutcome> RunAsync(long alertId, AlertAction action, AlertActionRequest request, ClaimsPrincipal? user = null)
    {
        await using var scope = s_app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertActionRunner>().RunAsync(alertId, action, request, user ?? s_agent, CancellationToken.None);
    }
}
