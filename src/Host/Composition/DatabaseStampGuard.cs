using Microsoft.Extensions.Options;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;

namespace SocialWatch.Host.Composition;

/// <summary>The host would not start on this database; the message says why and what the operator can do.</summary>
internal sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// Keeps a host from silently starting over on an empty database. The stamp of the database the host ran on is kept
/// in a file outside it (<see cref="StorageOptions.StampFile"/>); a missing database, or one with another stamp,
/// stops start-up with one line unless <c>Storage:AllowFreshDatabase=true</c> says a new one is intended.
/// </summary>
internal static class DatabaseStampGuard
{
    public const string AllowSetting = "Storage:AllowFreshDatabase=true";

    /// <summary>Migrates when asked, checks the stamp against the file, writes the file; returns the database's stamp.</summary>
    public static async Task<string> OpenAsync(IServiceProvider services, bool migrate, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var identity = services.GetRequiredService<IStorageIdentityStore>();
        var stampFile = options.StampFile ?? identity.DefaultStampFile;
        var remembered = stampFile is not null && File.Exists(stampFile) ? (await File.ReadAllTextAsync(stampFile, cancellationToken)).Trim() : "";

        // Checked before migrating, which would otherwise create the file and its schema in the empty place.
        if (remembered.Length > 0 && identity.DatabaseMissing == true && !options.AllowFreshDatabase)
        {
            throw new StartupRefusedException(
                $"the {identity.Provider} database is missing, but this host ran on database {remembered} before (stamp file {stampFile}); "
                + $"restore it, or set {AllowSetting} to start a new one.");
        }

        if (migrate)
        {
            var applied = await services.GetRequiredService<IStorageMaintenance>().MigrateAsync(cancellationToken);
            HostLog.MigrationsApplied(logger, applied.Count);
        }

        var stamp = await identity.ReadOrCreateStampAsync(cancellationToken);
        if (remembered.Length > 0 && remembered != stamp)
        {
            if (!options.AllowFreshDatabase)
            {
                throw new StartupRefusedException(
                    $"the {identity.Provider} database is {stamp}, not database {remembered} that this host ran on before (stamp file {stampFile}); "
                    + $"restore that one, or set {AllowSetting} to go on with this one.");
            }

            HostLog.FreshDatabaseAllowed(logger, identity.Provider, stamp, remembered);
        }

        if (stampFile is not null && remembered != stamp)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(stampFile));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await File.WriteAllTextAsync(stampFile, stamp + Environment.NewLine, cancellationToken);
        }

        return stamp;
    }
}
