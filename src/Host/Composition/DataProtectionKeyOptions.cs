using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace SocialWatch.Host.Composition;

/// <summary>
/// How the data-protection key ring is encrypted before it is written to the database: with a 256-bit key from
/// configuration (<see cref="Key"/>), or with a certificate's public key (<see cref="CertificatePath"/>). Whoever can
/// read the <c>data_protection_keys</c> table (a backup, a read-only account) can then not forge sessions without this
/// secret too. Production on a shared database (PostgreSQL, SQL Server) refuses to start without one unless
/// <see cref="AllowUnencryptedKeys"/> says so; the embedded single-machine default (SQLite) starts with a warning, so
/// that <c>serve</c> with no settings at all keeps working.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>32 random bytes in base64 (<c>openssl rand -base64 32</c>), the same on every host; the ring is sealed with AES-256-GCM.</summary>
    public string? Key { get; set; }

    /// <summary>A PKCS#12 (.pfx) file holding a certificate and its private key, the same on every host.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Accepts a key ring readable by anyone who reads the database (outside Production, and on SQLite, this is the default).</summary>
    public bool AllowUnencryptedKeys { get; set; }

    /// <summary>The key's bytes, or null when none is set or it is not 32 bytes of base64.</summary>
    public byte[]? KeyBytes()
    {
        if (string.IsNullOrWhiteSpace(Key))
        {
            return null;
        }

        var bytes = new byte[64];
        return Convert.TryFromBase64String(Key.Trim(), bytes, out var written) && written == 32 ? bytes[..32] : null;
    }

    public X509Certificate2 LoadCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(CertificatePath!, CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
}

/// <summary>One line per problem, each naming the setting, so that <c>serve</c> stops with something an operator can act on.</summary>
internal sealed class DataProtectionKeyOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<DataProtectionKeyOptions>
{
    /// <summary>
    /// Production on a shared database, without a key-encryption setting: the keys that open every session would sit
    /// in the clear in a database that backups, replicas and other accounts read.
    /// </summary>
    public bool MustRefuseUnencrypted => environment.IsProduction() && SharedDatabase;

    /// <summary>The key ring will be written in the clear (allowed here, and worth a warning in Production).</summary>
    public static bool Unencrypted(DataProtectionKeyOptions options) =>
        string.IsNullOrWhiteSpace(options.Key) && string.IsNullOrWhiteSpace(options.CertificatePath);

    private bool SharedDatabase =>
        Enum.TryParse<SocialWatch.Storage.StorageProvider>(configuration[$"{SocialWatch.Storage.StorageOptions.SectionName}:Provider"], ignoreCase: true, out var provider)
        && provider != SocialWatch.Storage.StorageProvider.Sqlite;

    public ValidateOptionsResult Validate(string? name, DataProtectionKeyOptions options)
    {
        var errors = new List<string>();
        var hasKey = !string.IsNullOrWhiteSpace(options.Key);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        if (hasKey && options.KeyBytes() is null)
        {
            errors.Add("DataProtection:Key must be 32 bytes in base64 (make one with: openssl rand -base64 32).");
        }

        if (hasKey && hasCertificate)
        {
            errors.Add("DataProtection:Key and DataProtection:CertificatePath are both set; set one.");
        }

        if (hasCertificate)
        {
            errors.AddRange(CertificateErrors(options));
        }

        if (!hasKey && !hasCertificate && !options.AllowUnencryptedKeys && MustRefuseUnencrypted)
        {
            errors.Add("DataProtection: in Production on a shared database the key ring kept there must be encrypted; set DataProtection:Key "
                + "(32 bytes in base64) or DataProtection:CertificatePath (a .pfx with its private key), or set "
                + "DataProtection:AllowUnencryptedKeys=true to accept keys that anyone who reads the database can use.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> CertificateErrors(DataProtectionKeyOptions options)
    {
        if (!File.Exists(options.CertificatePath))
        {
            return [$"DataProtection:CertificatePath '{options.CertificatePath}' does not exist."];
        }

        try
        {
            using var certificate = options.LoadCertificate();
            return certificate.HasPrivateKey
                ? []
                : [$"DataProtection:CertificatePath '{options.CertificatePath}' holds no private key; the key ring could be written but never read."];
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            return [$"DataProtection:CertificatePath '{options.CertificatePath}' cannot be opened ({ex.Message}); check DataProtection:CertificatePassword."];
        }
    }
}
