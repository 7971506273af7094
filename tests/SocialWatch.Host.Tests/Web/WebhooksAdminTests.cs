using System.Globalization;
using Microsoft.Playwright;
using SocialWatch.Core.Access;
using SocialWatch.Core.Notifications;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// /admin/webhooks against the real host and a real HTTP receiver: the outbox worker posts, the page shows what
/// the delivery log recorded, and an admin adds, retries and deletes through the page's forms.
/// </summary>
[TestClass]
public sealed class WebhooksAdminTests
{
    private static WireMockServer s_receiver = null!;
    private static WebTestApp s_app = null!;
    private static Browser s_browser = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_receiver = WireMockServer.Start();

        // The configured webhook fails once with a 500, then takes every post.
        s_receiver.Given(Request.Create().WithPath("/hooks/care").UsingPost()).InScenario("care").WillSetStateTo("failed once")
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("<b>upstream</b> broke"));
        s_receiver.Given(Request.Create().WithPath("/hooks/care").UsingPost()).InScenario("care").WhenStateIs("failed once")
            .RespondWith(Response.Create().WithStatusCode(200));

        // The webhook an admin adds says it is gone (given up at once), then is fixed.
        s_receiver.Given(Request.Create().WithPath("/hooks/ops").UsingPost()).InScenario("ops").WillSetStateTo("gone once")
            .RespondWith(Response.Create().WithStatusCode(410));
        s_receiver.Given(Request.Create().WithPath("/hooks/ops").UsingPost()).InScenario("ops").WhenStateIs("gone once")
            .RespondWith(Response.Create().WithStatusCode(200));

        s_browser = await Browser.LaunchAsync();
        s_app = await WebTestApp.StartAsync(
            "--Alerts:Notifications:Webhooks:0:Name", "care-room",
            "--Alerts:Notifications:Webhooks:0:Url", s_receiver.Url + "/hooks/care",
            "--Alerts:Notifications:Webhooks:0:MinPriority", "Low",
            "--Alerts:Notifications:OutboxPollInterval", "00:00:00.100",
            // Long enough for the page to be read between the failure and the retry.
            "--Alerts:Notifications:WebhookFirstRetryDelay", "00:00:05");
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (s_app is not null)
        {
            await s_app.DisposeAsync();
        }

        if (s_browser is not null)
        {
            await s_browser.DisposeAsync();
        }

        s_receiver?.Dispose();
    }

    [TestMethod]
    public async Task ReceiverAnswers500Then200_PageShowsTheFailureWithItsStatus_ThenTheDelivery()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/webhooks");
        var row = page.Locator("table.webhooks tr[data-receiver='config:care-room']");
        await Assertions.Expect(row.Locator("td.last-try")).ToHaveTextAsync("never tried");
        await Assertions.Expect(row.Locator("td[data-label='Posts to']")).ToHaveTextAsync(s_receiver.Url + "/…");

        await s_app.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(
            [new OutboxMessage(NotificationChannels.Webhook, "config:care-room", 9001, "{\"text\":\"alert #9001\"}")], CancellationToken.None);
        await ReloadUntilAsync(page, row.Locator("td.last-failure"), "HTTP 500");
        var whileFailing = (await row.Locator("td.last-try").InnerTextAsync(), await row.Locator("td.last-delivery").InnerTextAsync(), await row.Locator("td.outbox").InnerTextAsync());
        await ReloadUntilAsync(page, row.Locator("td.last-try"), "delivered");

        StringAssert.Contains(whileFailing.Item1, "failed, will retry at");
        Assert.AreEqual(("none", "1 pending"), (whileFailing.Item2, whileFailing.Item3));
        StringAssert.Contains(await row.Locator("td.last-failure").InnerTextAsync(), "HTTP 500: webhook care-room answered 500");
        Assert.AreNotEqual("none", await row.Locator("td.last-delivery").InnerTextAsync());
        await Assertions.Expect(row.Locator("td.recent")).ToHaveTextAsync("1 delivered, 1 failed");
        await Assertions.Expect(row.Locator("td.outbox")).ToHaveTextAsync("0 pending");
        Assert.HasCount(2, s_receiver.FindLogEntries(Request.Create().WithPath("/hooks/care").UsingPost()));
    }

    [TestMethod]
    public async Task WebhookAddedOnThePage_GivesUp_IsRetriedFromThePage_AndDelivered_ThenDeleted()
    {
        var page = await s_browser.SignInAsync(s_app.BaseAddress, "admin");
        await page.GotoAsync("/admin/webhooks");

        await page.FillAsync("input[name=name]", "Ops <b>room</b>");
        await page.FillAsync("input[name=url]", s_receiver.Url + "/hooks/ops");
        await page.FillAsync("input[name=secret]", "s3cret");
        await page.SelectOptionAsync("select[name=minPriority]", "Low");
        await page.ClickAsync("text=Add webhook");
        await Assertions.Expect(page.Locator("p.flash")).ToHaveTextAsync("Added webhook Ops <b>room</b>.");
        var stored = (await s_app.Services.GetRequiredService<IWebhookStore>().ListAsync(CancellationToken.None)).Single();
        var key = "stored:" + stored.Id.ToString(CultureInfo.InvariantCulture);
        var row = page.Locator($"table.webhooks tr[data-receiver='{key}']");
        await Assertions.Expect(row.Locator("td[data-label=Webhook] strong")).ToHaveTextAsync("Ops <b>room</b>");
        StringAssert.Contains(await row.Locator("td[data-label=Webhook]").InnerTextAsync(), "added here, signed");

        await s_app.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(
            [new OutboxMessage(NotificationChannels.Webhook, key, 9002, "{\"text\":\"alert #9002\"}")], CancellationToken.None);
        var givenUp = page.Locator("table.given-up tbody tr[data-id]");
        await ReloadUntilAsync(page, givenUp.First, "Ops <b>room</b>");
        StringAssert.Contains(await givenUp.Locator("td[data-label='Last error']").InnerTextAsync(), "answered 410");
        await Assertions.Expect(row.Locator("td.outbox")).ToHaveTextAsync("0 pending, 1 given up");
        StringAssert.Contains(await row.Locator("td.last-try").InnerTextAsync(), "gave up");

        await givenUp.Locator("button", new() { HasTextString = "Retry now" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash")).ToContainTextAsync("is due again");
        await ReloadUntilAsync(page, row.Locator("td.last-try"), "delivered");

        await Assertions.Expect(page.Locator("table.given-up tbody tr[data-id]")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("td.outbox")).ToHaveTextAsync("0 pending");
        Assert.HasCount(2, s_receiver.FindLogEntries(Request.Create().WithPath("/hooks/ops").UsingPost()));
        var audit = await s_app.Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(20, CancellationToken.None);
        Assert.IsTrue(audit.Any(e => e is { Area: "notification", Action: "retry", Actor: "admin" }), "the retry is audited");

        await row.Locator("button", new() { HasTextString = "Delete" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash")).ToContainTextAsync("Deleted the webhook");
        await Assertions.Expect(page.Locator($"table.webhooks tr[data-receiver='{key}']")).ToHaveCountAsync(0);
        Assert.IsEmpty(await s_app.Services.GetRequiredService<IWebhookStore>().ListAsync(CancellationToken.None));
        // Its deliveries stay visible as a receiver that is no longer configured.
        await Assertions.Expect(page.Locator($"table.receivers tr[data-receiver='{key}']")).ToContainTextAsync("no longer configured");
        await Screenshots.TakeAsync(page, TestContext, "webhooks-after-delete");
    }

    [TestMethod]
    public async Task WebhooksPage_IsForAdminsOnly_RefusesAPostWithoutTheAntiforgeryToken_AndANonHttpUrl()
    {
        using var agent = new WebClient(s_app.BaseAddress);
        await agent.SignInAsync("agent");
        using var admin = new WebClient(s_app.BaseAddress);
        await admin.SignInAsync("admin");
        var form = new Dictionary<string, string> { ["name"] = "sneaky", ["url"] = "javascript:alert(1)", ["minPriority"] = "Low" };

        using var asAgent = await agent.Http.GetAsync("/admin/webhooks", TestContext.CancellationToken);
        using var forged = await admin.Http.PostAsync("/admin/webhooks?handler=Add", new FormUrlEncodedContent(form), TestContext.CancellationToken);
        form["__RequestVerificationToken"] = await admin.GetFormTokenAsync("/admin/webhooks");
        using var notHttp = await admin.Http.PostAsync("/admin/webhooks?handler=Add", new FormUrlEncodedContent(form), TestContext.CancellationToken);
        var after = await admin.Http.GetStringAsync("/admin/webhooks", TestContext.CancellationToken);

        Assert.AreNotEqual(System.Net.HttpStatusCode.OK, asAgent.StatusCode);
        Assert.AreEqual(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.IsTrue(notHttp.IsSuccessStatusCode || (int)notHttp.StatusCode is >= 300 and < 400, $"answered {notHttp.StatusCode}");
        StringAssert.Contains(after, "needs an absolute http(s) URL");
        Assert.IsFalse((await s_app.Services.GetRequiredService<IWebhookStore>().ListAsync(CancellationToken.None)).Any(w => w.Name == "sneaky"));
    }

    private static async Task ReloadUntilAsync(IPage page, ILocator cell, string text)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await cell.CountAsync() > 0 && (await cell.InnerTextAsync()).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"'{text}' did not appear; the page shows: {await page.Locator("main").InnerTextAsync()}");
            }

            await Task.Delay(200);
            await page.ReloadAsync();
        }
    }
}
