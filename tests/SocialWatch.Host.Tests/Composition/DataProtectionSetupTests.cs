using System.Net;
using SocialWatch.Host.Tests.Health;
using SocialWatch.Host.Tests.Web;

namespace SocialWatch.Host.Tests.Composition;

[TestClass]
public sealed class DataProtectionSetupTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Session_AfterARedeployWithAFreshHomeFolder_IsStillSignedIn()
    {
        using var dir = new TempDirectory();
        using var firstHome = new TempDirectory();
        using var secondHome = new TempDirectory();
        var port = HostProcess.FreePort();
        using var browser = new SocialWatch.Host.Tests.Web.WebClient(new Uri($"http://127.0.0.1:{port}"));

        await using (var first = Start(dir, firstHome, port))
        {
            await first.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);
            await browser.SignInAsync("manager");
            using var before = await browser.Http.GetAsync(new Uri("/api/alerts", UriKind.Relative), TestContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, before.StatusCode, "signed in on the first host");
        }

        await using var second = Start(dir, secondHome, port);
        await second.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);
        using var after = await browser.Http.GetAsync(new Uri("/api/alerts", UriKind.Relative), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, after.StatusCode, "the new host, which has none of the old host's files, reads the cookie");
        Assert.IsFalse(Directory.Exists(Path.Combine(secondHome.Path, ".aspnet", "DataProtection-Keys")), "no key ring in the home folder");
    }

    /// <summary>A host as a new container would start it: same database, a home folder of its own.</summary>
    private static ReadyHost Start(TempDirectory dir, TempDirectory home, int port) =>
        ReadyHost.Start(dir.Path, new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Web__DemoUsers__Enabled"] = "true",
            ["Web__DemoUsers__Password"] = WebTestApp.Password,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        }, port);
}
