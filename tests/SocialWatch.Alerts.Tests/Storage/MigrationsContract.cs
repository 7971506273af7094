using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialWatch.Alerts.Storage;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>The migrator of every dialect: numbered scripts, applied once, journaled, on an empty database.</summary>
public abstract class MigrationsContract : StoreContract
{
    private static readonly string[] Tables =
        ["mentions", "cursors", "engagement_snapshots", "alerts", "alert_audit", "ingest_reads", "source_pauses", "feedback_labels", "brands"];

    private IStorageMaintenance Maintenance => Get<IStorageMaintenance>();

    [TestMethod]
    public async Task Migrate_AnEmptyDatabase_AppliesEveryScriptOfTheDialectInNameOrder()
    {
        var expected = MigrationRunner.LoadScripts(Database.Provider).Select(s => s.Name).ToArray();

        var applied = await Maintenance.MigrateAsync(None);

        Assert.IsNotEmpty(expected);
        Assert.AreEqual("0001_initial.sql", expected[0]);
        CollectionAssert.AreEqual(expected, applied.ToArray());
        CollectionAssert.AreEqual(expected.Order(StringComparer.Ordinal).ToArray(), expected);
    }

    [TestMethod]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime_AndJournalsEachScriptOnce()
    {
        await Maintenance.MigrateAsync(None);

        var second = await Maintenance.MigrateAsync(None);

        Assert.IsEmpty(second);
        await using var connection = Open();
        var journaled = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions")).ToList();
        CollectionAssert.AreEquivalent(MigrationRunner.LoadScripts(Database.Provider).Select(s => s.Name).ToArray(), journaled);
    }

    [TestMethod]
    public async Task Migrate_CreatesEveryTableTheStoresUse()
    {
        await Maintenance.MigrateAsync(None);

        await using var connection = Open();
        foreach (var table in Tables)
        {
            Assert.AreEqual(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), table);
        }
    }

    [TestMethod]
    public async Task Stores_OnADatabaseThatIsNotMigrated_FailInsteadOfReturningNothing()
    {
        var mentions = Get<IMentionStore>();

        await Assert.ThrowsAsync<DbException>(() => mentions.GetMentionsAsync(new MentionQuery(), None));
        await Assert.ThrowsAsync<DbException>(() => mentions.GetCursorAsync("acme:x", None));
    }

    [TestMethod]
    public async Task Ping_OfAReachableDatabase_Succeeds_AndProviderNamesTheDialect()
    {
        await Maintenance.PingAsync(None);

        Assert.AreEqual(Database.Provider.ToString(), Maintenance.Provider);
    }

    private DbConnection Open() => Database.Provider switch
    {
        StorageProvider.Sqlite => new SqliteConnection(Database.ConnectionString),
        StorageProvider.PostgreSql => new NpgsqlConnection(Database.ConnectionString),
        _ => new SqlConnection(Database.ConnectionString),
    };
}

[TestClass]
public sealed class SqliteStorageMaintenanceTests : MigrationsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync(migrate: false);
}

[TestClass]
public sealed class PostgreSqlStorageMaintenanceTests : MigrationsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlFreshAsync("migrations");
}

[TestClass]
public sealed class SqlServerStorageMaintenanceTests : MigrationsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerFreshAsync("migrations");
}
