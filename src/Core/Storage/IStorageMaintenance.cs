namespace SocialWatch.Core.Storage;

/// <summary>Schema upgrades and a liveness check for the configured database.</summary>
public interface IStorageMaintenance
{
    /// <summary>Name of the dialect in use: Sqlite, PostgreSql or SqlServer.</summary>
    string Provider { get; }

    /// <summary>Applies the numbered migration scripts not yet applied; returns their names.</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Throws if the database cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
