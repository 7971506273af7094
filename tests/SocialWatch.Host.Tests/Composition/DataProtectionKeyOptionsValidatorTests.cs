using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using SocialWatch.Host.Composition;

namespace SocialWatch.Host.Tests.Composition;

[TestClass]
public sealed class DataProtectionKeyOptionsValidatorTests
{
    [TestMethod]
    public void ProductionOnASharedDatabase_WithNoKeyNorCertificate_FailsNamingBothSettingsAndTheWayOut()
    {
        var result = Validate("Production", new DataProtectionKeyOptions(), "PostgreSql");
        var sqlServer = Validate("Production", new DataProtectionKeyOptions(), "SqlServer");

        Assert.IsTrue(result.Failed);
        StringAssert.Contains(result.FailureMessage, "DataProtection:Key");
        StringAssert.Contains(result.FailureMessage, "DataProtection:CertificatePath");
        StringAssert.Contains(result.FailureMessage, "DataProtection:AllowUnencryptedKeys=true");
        Assert.IsTrue(sqlServer.Failed);
    }

    [TestMethod]
    public void Production_WithAKeyOrWithUnencryptedKeysAllowed_Passes_AndDevelopmentAndTheEmbeddedDefaultNeedNeither()
    {
        var withKey = Validate("Production", new DataProtectionKeyOptions { Key = Convert.ToBase64String(new byte[32]) }, "PostgreSql");
        var allowed = Validate("Production", new DataProtectionKeyOptions { AllowUnencryptedKeys = true }, "SqlServer");
        var development = Validate("Development", new DataProtectionKeyOptions(), "PostgreSql");
        var embedded = Validate("Production", new DataProtectionKeyOptions(), provider: null);

        Assert.IsTrue(withKey.Succeeded, withKey.FailureMessage);
        Assert.IsTrue(allowed.Succeeded, allowed.FailureMessage);
        Assert.IsTrue(development.Succeeded, development.FailureMessage);
        Assert.IsTrue(embedded.Succeeded, "serve with no settings at all (SQLite) still starts: " + embedded.FailureMessage);
    }

    [TestMethod]
    public void AKeyThatIsNot32BytesOfBase64_Fails_InEveryEnvironment()
    {
        var shortKey = Validate("Development", new DataProtectionKeyOptions { Key = Convert.ToBase64String(new byte[16]) });
        var notBase64 = Validate("Development", new DataProtectionKeyOptions { Key = "correct horse battery staple" });

        StringAssert.Contains(shortKey.FailureMessage, "DataProtection:Key must be 32 bytes in base64");
        StringAssert.Contains(notBase64.FailureMessage, "DataProtection:Key must be 32 bytes in base64");
    }

    [TestMethod]
    public void ACertificatePath_ThatIsMissingOrHoldsNoPrivateKey_Fails_AndAPfxWithItsKeyPasses()
    {
        using var dir = new TempDirectory();
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=socialwatch-key-ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var withKey = Path.Combine(dir.Path, "ring.pfx");
        var publicOnly = Path.Combine(dir.Path, "ring-public.pfx");
        File.WriteAllBytes(withKey, certificate.Export(X509ContentType.Pfx, "pw"));
        File.WriteAllBytes(publicOnly, X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)).Export(X509ContentType.Pfx, "pw"));

        var missing = Validate("Production", new DataProtectionKeyOptions { CertificatePath = Path.Combine(dir.Path, "none.pfx") });
        var noPrivateKey = Validate("Production", new DataProtectionKeyOptions { CertificatePath = publicOnly, CertificatePassword = "pw" });
        var wrongPassword = Validate("Production", new DataProtectionKeyOptions { CertificatePath = withKey, CertificatePassword = "nope" });
        var good = Validate("Production", new DataProtectionKeyOptions { CertificatePath = withKey, CertificatePassword = "pw" });

        StringAssert.Contains(missing.FailureMessage, "does not exist");
        StringAssert.Contains(noPrivateKey.FailureMessage, "holds no private key");
        StringAssert.Contains(wrongPassword.FailureMessage, "DataProtection:CertificatePassword");
        Assert.IsTrue(good.Succeeded, good.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string environment, DataProtectionKeyOptions options, string? provider = "PostgreSql") =>
        new DataProtectionKeyOptionsValidator(
                new Environment(environment),
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = provider }).Build())
            .Validate(null, options);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SocialWatch";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
