using Dapper;
using DbUp;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlStorageMaintenance(PostgreSqlConnectionFactory connections, ILogger<PostgreSqlStorageMaintenance> logger)
    : IStorageMaintenance
{
    public string Provider => nameof(StorageProvider.PostgreSql);

    // Several hosts may start at once; the advisory lock makes them migrate one after the other, so the later
    // ones find the scripts journaled and apply nothing.
    private const string LockSql = "SELECT pg_advisory_lock(@key)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(@key)";
    private const long MigrationLockKey = 0x536f6369616c57; // "SocialW"

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { key = MigrationLockKey }, cancellationToken: cancellationToken));
        try
        {
            return MigrationRunner.Run(
                DeployChanges.To.PostgresqlDatabase(connections.ConnectionString), StorageProvider.PostgreSql, logger, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(UnlockSql, new { key = MigrationLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private const string PingSql = "SELECT 1";

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(PingSql, cancellationToken: cancellationToken));
    }
}
