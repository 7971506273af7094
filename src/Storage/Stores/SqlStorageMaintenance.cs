using Dapper;
using DbUp.Builder;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs around its migrations. <c>LockSql</c> (with @key) and <c>UnlockSql</c> make hosts that
/// start together migrate one after the other, so the later ones find the scripts journaled and apply nothing; a
/// dialect without them (SQLite: one file, one writer at a time) migrates without a lock.
/// </summary>
internal sealed record StorageMaintenanceSql(string PingSql, string? LockSql = null, string? UnlockSql = null, int? LockTimeoutSeconds = null);

/// <summary>How one dialect migrates: DbUp's target for its database, and the provider whose <c>Migrations</c> folder holds the scripts.</summary>
internal sealed record DialectMigrations(StorageProvider Provider, Func<UpgradeEngineBuilder> Target);

internal sealed class SqlStorageMaintenance(SqlDialect dialect, StorageMaintenanceSql sql, DialectMigrations migrations, ILogger<SqlStorageMaintenance> logger)
    : IStorageMaintenance
{
    private const long MigrationLockKey = 0x536f6369616c57; // "SocialW"

    public string Provider => migrations.Provider.ToString();

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (sql.LockSql is null)
        {
            // Opening once creates the file and its directory and switches the file to WAL before DbUp connects.
            await using (await dialect.OpenAsync(cancellationToken))
            {
            }

            return MigrationRunner.Run(migrations.Target(), migrations.Provider, logger, cancellationToken);
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql.LockSql, new { key = MigrationLockKey }, commandTimeout: sql.LockTimeoutSeconds, cancellationToken: cancellationToken));
        try
        {
            return MigrationRunner.Run(migrations.Target(), migrations.Provider, logger, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(sql.UnlockSql!, new { key = MigrationLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql.PingSql, cancellationToken: cancellationToken));
    }
}
