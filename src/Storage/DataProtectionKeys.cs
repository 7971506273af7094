namespace SocialWatch.Storage;

/// <summary>
/// The ASP.NET Core data-protection key ring as rows of the SocialWatch database, so that every host reads the keys
/// any host made and a redeployed host keeps them: sessions and anti-forgery tokens survive both.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every key's XML, oldest first.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(string friendlyName, string xml, CancellationToken cancellationToken);
}
