using DbUp;
using Microsoft.Data.Sqlite;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteStorageMaintenanceSql
{
    public static readonly StorageMaintenanceSql Statements = new(PingSql: "SELECT 1");

    /// <summary>
    /// The migrations connect with foreign keys off, as SQLite's own procedure for changing a table's schema asks: each
    /// script runs in a transaction, where <c>PRAGMA foreign_keys</c> cannot be switched, and a table rebuilt by
    /// create-copy-drop-rename (0018) would otherwise have its rows deleted, and their references cascaded, by the drop.
    /// A script that rebuilds a table checks its references itself before it commits.
    /// </summary>
    public static DialectMigrations Migrations(SqliteConnectionFactory connections) =>
        new(StorageProvider.Sqlite, () => DeployChanges.To.SqliteDatabase(
            new SqliteConnectionStringBuilder(connections.ConnectionString) { ForeignKeys = false }.ToString()));
}
