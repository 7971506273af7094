using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using SocialWatch.Storage;

namespace SocialWatch.Host.Composition;

/// <summary>
/// Keeps the data-protection key ring (what signs and encrypts session cookies and anti-forgery tokens) in the
/// SocialWatch database instead of the home folder, which a container loses on every redeploy and another host never
/// sees. One application name for every host, so a cookie one host issued opens on the others. Each key is encrypted
/// before it is written, with <see cref="DataProtectionKeyOptions.Key"/> or a certificate, so the table alone opens
/// no session.
/// </summary>
internal static class DataProtectionSetup
{
    public const string ApplicationName = "SocialWatch";

    public static IServiceCollection AddSocialWatchDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataProtectionKeyOptions>().BindConfiguration(DataProtectionKeyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionKeyOptions>, DataProtectionKeyOptionsValidator>();
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IDataProtectionKeyStore>());
            if (sp.GetRequiredService<IOptions<DataProtectionKeyOptions>>().Value.KeyBytes() is { } key)
            {
                o.XmlEncryptor = new ConfiguredKeyXmlEncryptor(key);
            }
        }));

        // The certificate is needed while registering (it also becomes the one that opens the keys it sealed); a path
        // that does not load is left to the validator, which stops start-up naming the setting.
        var settings = configuration.GetSection(DataProtectionKeyOptions.SectionName).Get<DataProtectionKeyOptions>() ?? new DataProtectionKeyOptions();
        if (string.IsNullOrWhiteSpace(settings.Key) && !string.IsNullOrWhiteSpace(settings.CertificatePath) && File.Exists(settings.CertificatePath))
        {
            try
            {
                var certificate = settings.LoadCertificate();
                if (certificate.HasPrivateKey)
                {
                    dataProtection.ProtectKeysWithCertificate(certificate);
                }
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Reported by DataProtectionKeyOptionsValidator with the setting's name.
            }
        }

        return services;
    }
}

/// <summary>
/// The key ring over <see cref="IDataProtectionKeyStore"/>. IXmlRepository is synchronous, so the calls block; the key
/// manager calls it when the ring is first needed and when it refreshes (about daily), never per request.
/// </summary>
internal sealed class DatabaseXmlRepository(IDataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. keys.ListAsync(CancellationToken.None).GetAwaiter().GetResult().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) =>
        keys.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
}
