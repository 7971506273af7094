using Dapper;
using Microsoft.Data.SqlClient;
using SocialWatch.Alerts.Tests.Storage;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>The tail on SQL Server; runs only where SOCIALWATCH_TEST_SQLSERVER names a server (none runs here).</summary>
[TestClass]
public sealed class SqlServerAlertChangeTailTests : AlertChangeTailContract
{
    private string DatabaseName => new SqlConnectionStringBuilder(Database.ConnectionString).InitialCatalog;

    protected override async Task<TestDatabase> OpenDatabaseAsync()
    {
        var database = await TestDatabases.SqlServerFreshAsync("alert_change_tail");
        await StorageServices.MigrateAsync(database.Provider, database.ConnectionString);
        return database;
    }

    protected override Task TakeDatabaseDownAsync() => MasterAsync($"ALTER DATABASE [{DatabaseName}] SET OFFLINE WITH ROLLBACK IMMEDIATE");

    protected override Task BringDatabaseBackAsync() => MasterAsync($"ALTER DATABASE [{DatabaseName}] SET ONLINE");

    private async Task MasterAsync(string sql)
    {
        var master = new SqlConnectionStringBuilder(Database.ConnectionString) { InitialCatalog = "master" }.ConnectionString;
        await using var connection = new SqlConnection(master);
        await connection.ExecuteAsync(sql);
    }
}
