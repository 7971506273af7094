using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;
using SocialWatch.TestSupport;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>A database a storage test runs against, and what to do with it when the test ends.</summary>
public sealed class TestDatabase(StorageProvider provider, string connectionString, Func<ValueTask>? release = null) : IAsyncDisposable
{
    public StorageProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>A raw connection, for a test that must write what the stores no longer write (rows of older versions).</summary>
    public System.Data.Common.DbConnection OpenConnection() => Provider switch
    {
        StorageProvider.Sqlite => new SqliteConnection(ConnectionString),
        StorageProvider.PostgreSql => new NpgsqlConnection(ConnectionString),
        _ => new SqlConnection(ConnectionString),
    };

    public ValueTask DisposeAsync() => release?.Invoke() ?? ValueTask.CompletedTask;
}

/// <summary>The stores as Host gets them: through AddSocialWatchStorage and configuration.</summary>
internal static class StorageServices
{
    public static ServiceProvider Build(StorageProvider provider, string connectionString, TimeProvider time) =>
        Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["ConnectionStrings:SocialWatch"] = connectionString,
        }, time);

    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSocialWatchStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static async Task MigrateAsync(StorageProvider provider, string connectionString)
    {
        await using var services = Build(provider, connectionString, TimeProvider.System);
        await services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
    }
}

/// <summary>
/// Databases for the store contract tests. SQLite: a new temp file per test. PostgreSQL: one database per test
/// class on the shared throwaway server, migrated once with the production scripts and emptied before each test.
/// SQL Server: only where SOCIALWATCH_TEST_SQLSERVER names a server; otherwise the tests are inconclusive.
/// </summary>
internal static class TestDatabases
{
    public const string SqlServerVariable = "SOCIALWATCH_TEST_SQLSERVER";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> PostgreSqlDatabases = new();
    private static readonly Lazy<Task<string>> SqlServerDatabase = new(PrepareSqlServerAsync);

    public static async Task<TestDatabase> SqliteAsync(bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "socialwatch-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".db");
        var connectionString = $"Data Source={file}";
        if (migrate)
        {
            await StorageServices.MigrateAsync(StorageProvider.Sqlite, connectionString);
        }

        return new TestDatabase(StorageProvider.Sqlite, connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>A migrated database named after the test class, emptied (identities restarted) for each test.</summary>
    public static async Task<TestDatabase> PostgreSqlAsync(string name)
    {
        var server = await SharedPostgresAsync();
        var connectionString = await PostgreSqlDatabases.GetOrAdd(name, n => new Lazy<Task<string>>(async () =>
        {
            var cs = await server.CreateDatabaseAsync("sw_" + n);
            await StorageServices.MigrateAsync(StorageProvider.PostgreSql, cs);
            return cs;
        })).Value;

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            var tables = (await connection.QueryAsync<string>(
                "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schemaversions'")).ToList();
            await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE");
        }

        return new TestDatabase(StorageProvider.PostgreSql, connectionString);
    }

    /// <summary>An empty, unmigrated database, dropped when the test ends.</summary>
    public static async Task<TestDatabase> PostgreSqlFreshAsync(string name)
    {
        var server = await SharedPostgresAsync();
        var database = $"sw_{name}_{Guid.NewGuid():N}"[..40];
        var connectionString = await server.CreateDatabaseAsync(database);
        return new TestDatabase(StorageProvider.PostgreSql, connectionString, async () => await server.DropDatabaseAsync(database));
    }

    public static async Task<TestDatabase> SqlServerAsync()
    {
        var connectionString = await SqlServerDatabase.Value;
        await using (var connection = new SqlConnection(connectionString))
        {
            // Children first; identities restart so that tests see the same ids as on the other dialects.
            await connection.ExecuteAsync("""
                DELETE FROM dbo.alert_audit; DELETE FROM dbo.alerts; DELETE FROM dbo.engagement_snapshots; DELETE FROM dbo.mentions;
                DELETE FROM dbo.cursors; DELETE FROM dbo.ingest_reads; DELETE FROM dbo.source_pauses; DELETE FROM dbo.feedback_labels;
                DELETE FROM dbo.brands; DELETE FROM dbo.admin_audit WHERE entity = N'brand';
                DELETE FROM dbo.promoted_model; DELETE FROM dbo.model_versions; DELETE FROM dbo.admin_audit WHERE entity = N'model';
                DBCC CHECKIDENT ('dbo.alert_audit', RESEED, 0) WITH NO_INFOMSGS;
                DBCC CHECKIDENT ('dbo.alerts', RESEED, 0) WITH NO_INFOMSGS;
                DBCC CHECKIDENT ('dbo.engagement_snapshots', RESEED, 0) WITH NO_INFOMSGS;
                DBCC CHECKIDENT ('dbo.mentions', RESEED, 0) WITH NO_INFOMSGS;
                DBCC CHECKIDENT ('dbo.feedback_labels', RESEED, 0) WITH NO_INFOMSGS;
                """);
        }

        return new TestDatabase(StorageProvider.SqlServer, connectionString);
    }

    /// <summary>An empty database created on the SQL Server named by SOCIALWATCH_TEST_SQLSERVER, dropped when the test ends.</summary>
    public static async Task<TestDatabase> SqlServerFreshAsync(string name)
    {
        var server = SqlServerConnectionString();
        var database = $"sw_{name}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new SqlConnection(server))
        {
            await connection.ExecuteAsync($"CREATE DATABASE [{database}]");
        }

        var connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;
        return new TestDatabase(StorageProvider.SqlServer, connectionString, async () =>
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(server);
            await connection.ExecuteAsync($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}];");
        });
    }

    private static async Task<PostgresServer> SharedPostgresAsync()
    {
        try
        {
            return await PostgresServer.StartSharedAsync();
        }
        catch (PostgresUnavailableException e)
        {
            Prerequisite.Missing(e.Message);
            throw;
        }
    }

    private static async Task<string> PrepareSqlServerAsync()
    {
        var connectionString = SqlServerConnectionString();
        await StorageServices.MigrateAsync(StorageProvider.SqlServer, connectionString);
        return connectionString;
    }

    private static string SqlServerConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Prerequisite.SqlServerMissing(SqlServerVariable);
        }

        return connectionString;
    }
}

[TestClass]
public static class StorageTestAssembly
{
    [AssemblyCleanup]
    public static async Task StopPostgresAsync() => await PostgresServer.StopSharedAsync();
}
