using Dapper;
using Microsoft.Data.Sqlite;
using SocialWatch.Alerts.Tests.Storage;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>The tail on one SQLite file shared by a web host and a worker process.</summary>
[TestClass]
public sealed class SqliteAlertChangeTailTests : AlertChangeTailContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();

    // Every read of the tail fails while the table is away, as it would with a file that was replaced or unreadable.
    // (Moving the file itself is no good here: a connection still open on the moved file deletes the WAL of the file
    // that is later moved back into its place.)
    protected override Task TakeDatabaseDownAsync() => ExecuteAsync("ALTER TABLE alert_audit RENAME TO alert_audit_away");

    protected override Task BringDatabaseBackAsync() => ExecuteAsync("ALTER TABLE alert_audit_away RENAME TO alert_audit");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(Database.ConnectionString);
        await connection.ExecuteAsync(sql);
    }
}
