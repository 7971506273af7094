using Microsoft.Extensions.Configuration;

namespace SocialWatch.Storage;

/// <summary>
/// Reads and checks the storage settings from raw configuration, so that a wrong value produces one line a
/// person can act on instead of a binder exception.
/// </summary>
public static class StorageConfiguration
{
    private const string ProviderKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.Provider);
    private const string ConnectionStringKey = "ConnectionStrings:" + StorageOptions.ConnectionStringName;

    /// <summary>
    /// Returns one message per problem in the storage settings (an unknown provider, a missing connection
    /// string); empty when the settings can be used. Host prints these at start-up and exits.
    /// </summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        if (!TryReadProvider(configuration, out var provider))
        {
            errors.Add($"{ProviderKey} '{configuration[ProviderKey]}' is not supported; use Sqlite, PostgreSql or SqlServer.");
            return errors;
        }

        if (provider != StorageProvider.Sqlite && string.IsNullOrWhiteSpace(configuration.GetConnectionString(StorageOptions.ConnectionStringName)))
        {
            errors.Add($"{ConnectionStringKey} is required when {ProviderKey} is {provider}.");
        }

        return errors;
    }

    /// <summary>Fills <paramref name="options"/> from configuration; invalid values are left for <see cref="Validate"/> to report.</summary>
    internal static void Bind(IConfiguration configuration, StorageOptions options)
    {
        if (TryReadProvider(configuration, out var provider))
        {
            options.Provider = provider;
        }

        options.AllowFreshDatabase = bool.TryParse(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.AllowFreshDatabase)}"], out var allowFresh) && allowFresh;
        if (configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.StampFile)}"] is { Length: > 0 } stampFile)
        {
            options.StampFile = stampFile;
        }

        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            options.ConnectionString = connectionString;
        }
        else if (options.Provider == StorageProvider.Sqlite)
        {
            options.ConnectionString = StorageOptions.DefaultSqliteConnectionString;
        }
        else
        {
            options.ConnectionString = "";
        }
    }

    private static bool TryReadProvider(IConfiguration configuration, out StorageProvider provider)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            provider = StorageProvider.Sqlite;
            return true;
        }

        // Names only: Enum.TryParse would also accept "7" or "Sqlite,SqlServer".
        foreach (var candidate in Enum.GetValues<StorageProvider>())
        {
            if (string.Equals(candidate.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                provider = candidate;
                return true;
            }
        }

        provider = default;
        return false;
    }
}
