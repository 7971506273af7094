using System.Net;
using SocialWatch.Host.Tests.Health;
using SocialWatch.Host.Tests.Web;
using SocialWatch.Storage;

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

    [TestMethod]
    public async Task KeyRing_WithAKeyConfigured_IsSealedInTheDatabase_AndAnotherHostWithTheKeyOpensTheSession()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var first = await WebTestApp.StartAsync("--DataProtection:Key", key);
        using var browser = new SocialWatch.Host.Tests.Web.WebClient(first.BaseAddress);
        await browser.SignInAsync("manager");
        var ring = await first.Services.GetRequiredService<IDataProtectionKeyStore>().ListAsync(TestContext.CancellationToken);

        await using var second = await WebTestApp.StartAsync("--ConnectionStrings:SocialWatch", first.ConnectionString, "--DataProtection:Key", key);
        using var onSecond = await browser.Http.GetAsync(new Uri(second.BaseAddress, "/api/alerts"), TestContext.CancellationToken);

        Assert.IsNotEmpty(ring);
        Assert.IsTrue(ring.All(xml => xml.Contains("<sealedKey", StringComparison.Ordinal)), ring[0]);
        Assert.IsFalse(ring.Any(xml => xml.Contains("<masterKey", StringComparison.Ordinal)), "no key in the clear: " + ring[0]);
        Assert.AreEqual(HttpStatusCode.OK, onSecond.StatusCode, "the second host opened the sealed ring and read the cookie");
    }

    [TestMethod]
    public async Task KeyRing_WithACertificateConfigured_IsEncryptedToIt_AndAnotherHostWithTheCertificateOpensTheSession()
    {
        using var dir = new TempDirectory();
        var pfx = Path.Combine(dir.Path, "ring.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                    "CN=socialwatch-key-ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw"), TestContext.CancellationToken);
        }

        string[] settings = ["--DataProtection:CertificatePath", pfx, "--DataProtection:CertificatePassword", "pw"];
        await using var first = await WebTestApp.StartAsync(settings);
        using var browser = new SocialWatch.Host.Tests.Web.WebClient(first.BaseAddress);
        await browser.SignInAsync("manager");
        var ring = await first.Services.GetRequiredService<IDataProtectionKeyStore>().ListAsync(TestContext.CancellationToken);

        await using var second = await WebTestApp.StartAsync([.. settings, "--ConnectionStrings:SocialWatch", first.ConnectionString]);
        using var onSecond = await browser.Http.GetAsync(new Uri(second.BaseAddress, "/api/alerts"), TestContext.CancellationToken);

        Assert.IsNotEmpty(ring);
        Assert.IsTrue(ring.All(xml => xml.Contains("EncryptedData", StringComparison.Ordinal)), ring[0]);
        Assert.IsFalse(ring.Any(xml => xml.Contains("<masterKey", StringComparison.Ordinal)), "no key in the clear: " + ring[0]);
        Assert.AreEqual(HttpStatusCode.OK, onSecond.StatusCode);
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
