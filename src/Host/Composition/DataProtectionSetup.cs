using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Storage;

namespace SocialWatch.Host.Composition;

/// <summary>
/// Keeps the data-protection key ring (what signs and encrypts session cookies and anti-forgery tokens) in the
/// SocialWatch database instead of the home folder, which a container loses on every redeploy and another host never
/// sees. One application name for every host, so a cookie one host issued opens on the others.
/// </summary>
internal static class DataProtectionSetup
{
    public const string ApplicationName = "SocialWatch";

    public static IServiceCollection AddSocialWatchDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IDataProtectionKeyStore>())));
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
