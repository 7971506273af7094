using Microsoft.Data.Sqlite;
using SocialWatch.Alerts.Tests.Storage;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>The tail on one SQLite file shared by a web host and a worker process.</summary>
[TestClass]
public sealed class SqliteAlertChangeTailTests : AlertChangeTailContract
{
    private string File => new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource;

    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();

    // The file is moved away: a connection then opens a new, empty file and finds no alert_audit in it.
    protected override Task TakeDatabaseDownAsync()
    {
        SqliteConnection.ClearAllPools();
        Move(File, File + ".away");
        return Task.CompletedTask;
    }

    protected override Task BringDatabaseBackAsync()
    {
        SqliteConnection.ClearAllPools();
        Move(File + ".away", File);
        return Task.CompletedTask;
    }

    private static void Move(string from, string to)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            System.IO.File.Delete(to + suffix);
            if (System.IO.File.Exists(from + suffix))
            {
                System.IO.File.Move(from + suffix, to + suffix);
            }
        }
    }
}
