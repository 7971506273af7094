using DbUp;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlStorageMaintenanceSql
{
    public static readonly StorageMaintenanceSql Statements = new(
        PingSql: "SELECT 1",
        // A session-level advisory lock: held until unlocked or the connection closes.
        LockSql: "SELECT pg_advisory_lock(@key)",
        UnlockSql: "SELECT pg_advisory_unlock(@key)");

    public static DialectMigrations Migrations(PostgreSqlConnectionFactory connections) =>
        new(StorageProvider.PostgreSql, () => DeployChanges.To.PostgresqlDatabase(connections.ConnectionString));
}
