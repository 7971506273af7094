using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;
using static SocialWatch.Alerts.Tests.Storage.TestMentions;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>The migrator of every dialect: numbered scripts, applied once, journaled, on an empty database.</summary>
public abstract class MigrationsContract : StoreContract
{
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

        var tables = MigrationTables.CreatedBy(Database.Provider);
        Assert.IsGreaterThanOrEqualTo(24, tables.Count, string.Join(", ", tables));
        await using var connection = Open();
        foreach (var table in tables)
        {
            // The database's identity stamp is the one row a migration writes (0013); every other table starts empty.
            var expected = table == "storage_identity" ? 1L : 0L;
            Assert.AreEqual(expected, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), table);
        }
    }

    [TestMethod]
    public async Task Migrate_0018_KeepsTheMentionsStoredBefore_WithTheirIdsSnapshotsAndAlerts_AndKeysNewOnesByBrand()
    {
        MigrateBefore("0018");
        await using (var connection = Open())
        {
            var at = Database.Provider switch
            {
                StorageProvider.Sqlite => (object)T0.ToUnixTimeMilliseconds(),
                StorageProvider.PostgreSql => T0.UtcDateTime,
                _ => T0,
            };
            var table = Database.Provider == StorageProvider.SqlServer ? "dbo.mentions" : "mentions";
            foreach (var externalId in new[] { "1", "2" })
            {
                await connection.ExecuteAsync(
                    $"INSERT INTO {table} (source, external_id, brand, text, author_id, author_handle, created_at, ingested_at) VALUES ('x', @externalId, 'Acme Air', 'Acme Air lost my bag', 'u-1', 'bob', @at, @at)",
                    new { externalId, at });
            }
        }

        var mentions = Get<IMentionStore>();
        var before = (await mentions.FindMentionAsync("x", "1", None))!;
        await mentions.AddSnapshotsAsync([new EngagementSnapshot(before.Id, T0, new EngagementMetrics(5, 6, 7, 8))], None);
        var alert = await Get<IAlertStore>().CreateAsync(new NewAlert
        {
            Kind = Core.Alerts.AlertKind.Mention,
            MentionId = before.Id,
            Brand = "Acme Air",
            Team = "care",
            Priority = Core.Alerts.AlertPriority.High,
            Title = "lost bag",
            Reasons = [],
            CreatedAt = T0,
            Actor = "router",
        }, None);

        var applied = await Maintenance.MigrateAsync(None);

        CollectionAssert.Contains(applied.ToArray(), "0018_mentions_keyed_by_brand.sql");
        var after = (await mentions.FindMentionAsync("x", "1", "Acme Air", None))!;
        Assert.AreEqual(before.Id, after.Id);
        Assert.AreEqual("Acme Air lost my bag", after.Mention.Text);
        Assert.AreEqual(new EngagementMetrics(5, 6, 7, 8), after.Mention.Metrics);
        Assert.HasCount(1, await mentions.GetSnapshotsAsync(before.Id, None));
        Assert.AreEqual(before.Id, (await Get<IAlertStore>().GetAsync(alert.Id, None))!.MentionId);
        Assert.HasCount(2, await mentions.GetMentionsAsync(new MentionQuery { AuthorId = "u-1" }, None));

        var page = await mentions.StoreBatchAsync(new IngestBatch("q", [Scored("1", "Acme Air"), Scored("1", "Acme Rail"), Scored("3", "Acme Air")], "c", null), None);

        Assert.AreEqual("Acme Rail:1,Acme Air:3", string.Join(",", page.Inserted.Select(m => $"{m.Mention.Brand}:{m.Mention.ExternalId}")));
        Assert.IsGreaterThan(before.Id, page.Inserted[0].Id);
        Assert.HasCount(3, await mentions.GetMentionsAsync(new MentionQuery { AuthorId = "u-1", Brand = "Acme Air" }, None), "the author index kept the old rows and took the new one");
        Assert.AreEqual(2, await mentions.RedactAsync("x", ["1"], None));
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

    /// <summary>Applies the production scripts named before <paramref name="script"/>, as a database of an earlier release had them.</summary>
    private void MigrateBefore(string script)
    {
        var builder = Database.Provider switch
        {
            StorageProvider.Sqlite => DbUp.DeployChanges.To.SqliteDatabase(
                new SqliteConnectionStringBuilder(Database.ConnectionString) { ForeignKeys = false }.ToString()),
            StorageProvider.PostgreSql => DbUp.DeployChanges.To.PostgresqlDatabase(Database.ConnectionString),
            _ => DbUp.DeployChanges.To.SqlDatabase(Database.ConnectionString),
        };
        var result = builder
            .WithScripts(MigrationRunner.LoadScripts(Database.Provider).Where(s => string.CompareOrdinal(s.Name, script) < 0))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.IsTrue(result.Successful, result.Error?.Message);
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

/// <summary>
/// The tables the migration scripts of a dialect leave behind (created and not dropped), read from the production
/// scripts themselves, so a table added by a new migration is checked without anyone remembering to list it.
/// </summary>
internal static partial class MigrationTables
{
    public static IReadOnlyList<string> CreatedBy(StorageProvider provider)
    {
        var tables = new List<string>();
        foreach (var script in MigrationRunner.LoadScripts(provider))
        {
            foreach (System.Text.RegularExpressions.Match match in TableStatement().Matches(script.Contents))
            {
                var name = match.Groups["name"].Value.Replace("dbo.", "", StringComparison.OrdinalIgnoreCase).Trim('[', ']').ToLowerInvariant();
                if (match.Groups["verb"].Value.Equals("DROP", StringComparison.OrdinalIgnoreCase))
                {
                    tables.Remove(name);
                }
                else if (match.Groups["verb"].Value.Equals("ALTER", StringComparison.OrdinalIgnoreCase))
                {
                    // A table rebuilt under a new name and renamed back (SQLite's 0018) keeps its place in the list.
                    var renamed = match.Groups["to"].Value.Trim('[', ']').ToLowerInvariant();
                    var index = tables.IndexOf(name);
                    if (index >= 0)
                    {
                        tables[index] = renamed;
                    }
                }
                else if (!tables.Contains(name))
                {
                    tables.Add(name);
                }
            }
        }

        return tables;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?<verb>CREATE|DROP)\s+TABLE\s+(IF\s+(NOT\s+)?EXISTS\s+)?(?<name>[\[\]\w.]+)|(?<verb>ALTER)\s+TABLE\s+(?<name>[\[\]\w.]+)\s+RENAME\s+TO\s+(?<to>[\[\]\w.]+))", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TableStatement();
}

[TestClass]
public sealed class MigrationTablesTests
{
    /// <summary>SQLite keeps its mentions-by-author index in levelled tables of its own (migration 0008).</summary>
    private static readonly string[] SqliteOnly = ["mention_authors_0", "mention_authors_1", "mention_authors_2"];

    [TestMethod]
    public void EveryDialect_CreatesTheSameTables_BesideSqlitesAuthorLevels()
    {
        var sqlite = MigrationTables.CreatedBy(StorageProvider.Sqlite).Except(SqliteOnly).Order(StringComparer.Ordinal).ToArray();

        var postgres = MigrationTables.CreatedBy(StorageProvider.PostgreSql).Order(StringComparer.Ordinal).ToArray();
        var sqlServer = MigrationTables.CreatedBy(StorageProvider.SqlServer).Order(StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(sqlite, postgres, "PostgreSQL: " + string.Join(", ", postgres.Except(sqlite).Concat(sqlite.Except(postgres))));
        CollectionAssert.AreEqual(sqlite, sqlServer, "SQL Server: " + string.Join(", ", sqlServer.Except(sqlite).Concat(sqlite.Except(sqlServer))));
        CollectionAssert.IsSubsetOf(SqliteOnly, MigrationTables.CreatedBy(StorageProvider.Sqlite).ToArray());
    }

    [TestMethod]
    public void EveryTableTheSqlServerStatementsName_IsCreatedByTheMigrations()
    {
        var created = MigrationTables.CreatedBy(StorageProvider.SqlServer).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();

        foreach (var (name, sql) in SqlServerSqlTests.SqlServerStatements())
        {
            foreach (var table in TablesNamedBy(sql))
            {
                used.Add(table);
                if (!created.Contains(table))
                {
                    missing.Add($"{name}: {table}");
                }
            }
        }

        Assert.IsEmpty(missing, string.Join("; ", missing));
        Assert.IsGreaterThanOrEqualTo(25, used.Count, "the statements name the stores' tables: " + string.Join(", ", used));
    }

    /// <summary>The tables a T-SQL batch reads or writes, by the parser's table references, leaving out its CTEs.</summary>
    private static IEnumerable<string> TablesNamedBy(string sql)
    {
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out _);
        var visitor = new TableVisitor();
        fragment?.Accept(visitor);
        return visitor.Tables.Except(visitor.CommonTableExpressions, StringComparer.OrdinalIgnoreCase);
    }

    private sealed class TableVisitor : Microsoft.SqlServer.TransactSql.ScriptDom.TSqlFragmentVisitor
    {
        public HashSet<string> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> CommonTableExpressions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(Microsoft.SqlServer.TransactSql.ScriptDom.NamedTableReference node)
        {
            // Temporary tables (#rows) and table variables live only in the statement's batch.
            var table = node.SchemaObject.BaseIdentifier.Value;
            if (!table.StartsWith('#'))
            {
                Tables.Add(table);
            }
        }

        public override void Visit(Microsoft.SqlServer.TransactSql.ScriptDom.CommonTableExpression node) =>
            CommonTableExpressions.Add(node.ExpressionName.Value);
    }
}
