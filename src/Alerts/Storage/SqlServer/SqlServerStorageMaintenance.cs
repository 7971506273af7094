using Dapper;
using DbUp;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.SqlServer;

internal sealed class SqlServerStorageMaintenance(SqlServerConnectionFactory connections, ILogger<SqlServerStorageMaintenance> logger)
    : IStorageMaintenance
{
    public string Provider => nameof(StorageProvider.SqlServer);

    // Several hosts may start at once; a session-owned application lock makes them migrate one after the other,
    // so the later ones find the scripts journaled and apply nothing.
    private const string LockSql = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'SocialWatch.Migrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 600000;
        IF @result < 0 THROW 50001, N'Could not take the SocialWatch migration lock.', 1;
        """;

    private const string UnlockSql = "EXEC sp_releaseapplock @Resource = N'SocialWatch.Migrations', @LockOwner = N'Session';";

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, commandTimeout: 660, cancellationToken: cancellationToken));
        try
        {
            return MigrationRunner.Run(
                DeployChanges.To.SqlDatabase(connections.ConnectionString), StorageProvider.SqlServer, logger, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(UnlockSql, cancellationToken: CancellationToken.None));
        }
    }

    private const string PingSql = "SELECT 1;";

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(PingSql, cancellationToken: cancellationToken));
    }
}
