using System.Net;

namespace SocialWatch.Host.Tests.Web;

/// <summary>The admin digest page's "Send a test digest now" form, against a host whose mail server is not there.</summary>
[TestClass]
public sealed class DigestTestSendTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        s_app = await WebTestApp.StartAsync("--Smtp:Port", HostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    private static async Task<(HttpStatusCode Status, string Html)> SendTestAsync(WebClient client, string to)
    {
        var form = new Dictionary<string, string>
        {
            ["Test.To"] = to,
            ["Test.Brands"] = "Acme Air",
            ["Test.Hours"] = "24",
            ["__RequestVerificationToken"] = await client.GetFormTokenAsync("/admin/digests"),
        };
        using var response = await client.Http.PostAsync("/admin/digests?handler=Test", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task The_page_offers_the_test_form()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");

        var html = await client.Http.GetStringAsync("/admin/digests");

        StringAssert.Contains(html, "Send a test digest now");
        StringAssert.Contains(html, "name=\"Test.To\"");
    }

    [TestMethod]
    public async Task A_bad_address_is_said_beside_the_form_and_the_input_is_kept()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");

        var (status, html) = await SendTestAsync(client, "<b>not-an-address</b>");

        Assert.AreEqual(HttpStatusCode.OK, status);
        StringAssert.Contains(html, "is not an e-mail address.");
        StringAssert.Contains(html, "&lt;b&gt;not-an-address&lt;/b&gt;");
        Assert.DoesNotContain("<b>not-an-address</b>", html);
    }

    [TestMethod]
    public async Task A_mail_server_that_is_not_there_is_said_not_thrown()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("admin");

        var (status, html) = await SendTestAsync(client, "lead@example.com");

        Assert.AreEqual(HttpStatusCode.OK, status);
        StringAssert.Contains(html, "The mail server did not take the test digest");
        StringAssert.Contains(html, "value=\"lead@example.com\"");
    }

    [TestMethod]
    public async Task Only_admins_may_send_a_test()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("manager");

        using var response = await client.Http.PostAsync("/admin/digests?handler=Test", new FormUrlEncodedContent(new Dictionary<string, string> { ["Test.To"] = "x@example.com" }));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/denied");
    }
}
