using DbUp;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteStorageMaintenanceSql
{
    public static readonly StorageMaintenanceSql Statements = new(PingSql: "SELECT 1");

    public static DialectMigrations Migrations(SqliteConnectionFactory connections) =>
        new(StorageProvider.Sqlite, () => DeployChanges.To.SqliteDatabase(connections.ConnectionString));
}
