using Dapper;
using DbUp;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.Sqlite;

internal sealed class SqliteStorageMaintenance(SqliteConnectionFactory connections, ILogger<SqliteStorageMaintenance> logger) : IStorageMaintenance
{
    public string Provider => nameof(StorageProvider.Sqlite);

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        // Opening once creates the file and its directory and switches the file to WAL before DbUp connects.
        await using (await connections.OpenAsync(cancellationToken))
        {
        }

        return MigrationRunner.Run(
            DeployChanges.To.SqliteDatabase(connections.ConnectionString), StorageProvider.Sqlite, logger, cancellationToken);
    }

    private const string PingSql = "SELECT 1";

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(PingSql, cancellationToken: cancellationToken));
    }
}
