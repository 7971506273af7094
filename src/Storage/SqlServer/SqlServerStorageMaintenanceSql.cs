using DbUp;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerStorageMaintenanceSql
{
    public static readonly StorageMaintenanceSql Statements = new(
        PingSql: "SELECT 1;",
        // A session-owned application lock (the @key of the other dialects is not needed: the resource names it).
        LockSql: """
            DECLARE @result int;
            EXEC @result = sp_getapplock @Resource = N'SocialWatch.Migrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 600000;
            IF @result < 0 THROW 50001, N'Could not take the SocialWatch migration lock.', 1;
            """,
        UnlockSql: "EXEC sp_releaseapplock @Resource = N'SocialWatch.Migrations', @LockOwner = N'Session';",
        // Longer than the lock's own 10-minute timeout, so the lock's message is the one an operator sees.
        LockTimeoutSeconds: 660);

    public static DialectMigrations Migrations(SqlServerConnectionFactory connections) =>
        new(StorageProvider.SqlServer, () => DeployChanges.To.SqlDatabase(connections.ConnectionString));
}
