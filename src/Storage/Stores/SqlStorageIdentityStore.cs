using Dapper;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for <c>storage_identity</c>. <c>Read</c> selects the stamp; <c>Insert</c> takes @Stamp
/// and @At and inserts the single row only when it is missing; <c>Probe</c> takes @At, @By and @Stamp and updates the
/// row whose stamp matches.
/// </summary>
internal sealed record StorageIdentitySql(string Read, string Insert, string Probe);

internal abstract class SqlStorageIdentityStore(SqlDialect dialect, TimeProvider time, StorageIdentitySql sql, string provider) : IStorageIdentityStore
{
    public string Provider => provider;

    public virtual bool? DatabaseMissing => null;

    public virtual string? DefaultStampFile => null;

    public async Task<string> ReadOrCreateStampAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var stamp = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql.Read, cancellationToken: cancellationToken));
        if (stamp is not null)
        {
            return stamp;
        }

        // Two hosts starting on the same emptied database both insert only if missing, then both read the winner.
        await connection.ExecuteAsync(new CommandDefinition(
            sql.Insert, new { Stamp = Guid.NewGuid().ToString("N"), At = dialect.ToDb(time.GetUtcNow()) }, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<string>(new CommandDefinition(sql.Read, cancellationToken: cancellationToken));
    }

    public async Task<bool> ProbeAsync(string stamp, string checkedBy, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (DatabaseMissing == true)
        {
            dialect.ForgetPooledConnections();
            return false;
        }

        var seconds = (int)Math.Max(1, Math.Ceiling(timeout.TotalSeconds));
        await using var connection = await dialect.OpenFreshAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            sql.Probe,
            new { At = dialect.ToDb(time.GetUtcNow()), By = checkedBy, Stamp = stamp },
            commandTimeout: seconds,
            cancellationToken: cancellationToken));
        if (updated == 0)
        {
            dialect.ForgetPooledConnections();
        }

        return updated == 1;
    }
}

/// <summary>The statements SQLite and PostgreSQL share.</summary>
internal static class StorageIdentityStatements
{
    public static readonly StorageIdentitySql Unqualified = new(
        "SELECT stamp FROM storage_identity WHERE id = 1",
        "INSERT INTO storage_identity (id, stamp, created_at) SELECT 1, @Stamp, @At WHERE NOT EXISTS (SELECT 1 FROM storage_identity)",
        "UPDATE storage_identity SET checked_at = @At, checked_by = @By WHERE id = 1 AND stamp = @Stamp");
}

internal sealed class SqliteStorageIdentityStore(SqliteDialect dialect, TimeProvider time)
    : SqlStorageIdentityStore(dialect, time, StorageIdentityStatements.Unqualified, nameof(StorageProvider.Sqlite))
{
    private readonly SqliteDialect _dialect = dialect;

    public override bool? DatabaseMissing => _dialect.DatabaseFile is { } file ? !File.Exists(file) : null;

    public override string? DefaultStampFile => _dialect.DatabaseFile is { } file ? file + ".stamp" : null;
}

internal sealed class PostgreSqlStorageIdentityStore(PostgreSqlDialect dialect, TimeProvider time)
    : SqlStorageIdentityStore(dialect, time, StorageIdentityStatements.Unqualified, nameof(StorageProvider.PostgreSql));
