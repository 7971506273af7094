namespace SocialWatch.Storage;

/// <summary>
/// The stamp that names a database (written by its first migration) and the probe that proves it is still there and
/// writable. Readiness and the start-up guard of the host meet the database through this.
/// </summary>
public interface IStorageIdentityStore
{
    /// <summary>Name of the dialect in use: Sqlite, PostgreSql or SqlServer.</summary>
    string Provider { get; }

    /// <summary>
    /// The database's stamp; writes a new one when the row is missing (a migrated database whose tables were emptied
    /// by hand), so that a host always has something to compare with.
    /// </summary>
    Task<string> ReadOrCreateStampAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the check time on a connection opened for this probe alone; true when the row with
    /// <paramref name="stamp"/> took the write, false when the database at the configured place has no such row (it
    /// was replaced). Throws when the database cannot be reached or refuses the write.
    /// </summary>
    Task<bool> ProbeAsync(string stamp, string checkedBy, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the database this host would open is missing altogether (the SQLite file is gone); null where the
    /// dialect cannot tell before connecting.
    /// </summary>
    bool? DatabaseMissing { get; }

    /// <summary>Where the stamp file goes when none is configured: beside the SQLite file; null for server databases.</summary>
    string? DefaultStampFile { get; }
}
