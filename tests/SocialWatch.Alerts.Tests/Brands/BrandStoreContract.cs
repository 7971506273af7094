using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Alerts.Tests.WorkflowStorage;
using SocialWatch.Core.Brands;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.Brands;

/// <summary>What the brand store must do, whatever the dialect: every field round-trips, versions guard changes, names are unique regardless of case, every change is audited.</summary>
public abstract class BrandStoreContract : WorkflowStoreContract
{
    private IBrandStore Store => Resolve<IBrandStore>();

    private static Brand Globex() => new()
    {
        Name = "Globex",
        Handles = ["GlobexCorp", "globex_help"],
        Keywords = ["Globex", "Globex Corporation"],
        ExcludedTerms = ["globex anvil"],
        Subreddits = ["globex"],
        Languages = ["en", "de"],
        YouTubeChannels = ["UCglobexOfficial00000aB-", "UCglobexHelp000000000_Zz"],
        Feeds = [new BrandFeed { Name = "reviews", Url = new Uri("https://reviews.example/globex.rss?x=1&y=ü") }],
        Retention = TimeSpan.FromDays(90),
    };

    [TestMethod]
    public async Task Create_ThenList_RoundTripsEveryField_AtVersionOne()
    {
        var created = await Store.CreateAsync(Globex(), "admin", None);

        var listed = (await Store.ListAsync(None)).Single();

        Assert.AreEqual(1L, created.Version);
        Assert.AreEqual("Globex", listed.Brand.Name);
        Assert.AreEqual("GlobexCorp|globex_help", string.Join("|", listed.Brand.Handles));
        Assert.AreEqual("Globex|Globex Corporation", string.Join("|", listed.Brand.Keywords));
        Assert.AreEqual("globex anvil", string.Join("|", listed.Brand.ExcludedTerms));
        Assert.AreEqual("globex", string.Join("|", listed.Brand.Subreddits));
        Assert.AreEqual("en|de", string.Join("|", listed.Brand.Languages));
        Assert.AreEqual("UCglobexOfficial00000aB-|UCglobexHelp000000000_Zz", string.Join("|", listed.Brand.YouTubeChannels));
        Assert.AreEqual("reviews", listed.Brand.Feeds.Single().Name);
        Assert.AreEqual(new Uri("https://reviews.example/globex.rss?x=1&y=ü"), listed.Brand.Feeds.Single().Url);
        Assert.AreEqual(TimeSpan.FromDays(90), listed.Brand.Retention);
        Assert.AreEqual((1L, "admin", T0, "admin", T0), (listed.Version, listed.CreatedBy, listed.CreatedAt, listed.UpdatedBy, listed.UpdatedAt));
    }

    [TestMethod]
    public async Task Create_WithANameTakenInAnotherCase_ThrowsNameTaken_AndKeepsTheFirst()
    {
        await Store.CreateAsync(Globex(), "admin", None);

        var error = await Assert.ThrowsExactlyAsync<BrandNameTakenException>(() => Store.CreateAsync(new Brand { Name = "GLOBEX", Keywords = ["other"] }, "admin", None));

        Assert.AreEqual("GLOBEX", error.Name);
        Assert.AreEqual("Globex", (await Store.ListAsync(None)).Single().Brand.Name);
    }

    [TestMethod]
    public async Task Update_AtTheCurrentVersion_ReplacesTheListsAndBumpsTheVersion()
    {
        await Store.CreateAsync(Globex(), "admin", None);
        Time.Advance(TimeSpan.FromMinutes(5));
        var changed = Globex();
        changed.Name = "globex";
        changed.Keywords = ["Globex Inc"];
        changed.Feeds = [];
        changed.Retention = null;

        var updated = await Store.UpdateAsync(changed, expectedVersion: 1, "editor", None);
        var listed = (await Store.ListAsync(None)).Single();

        Assert.AreEqual(2L, updated.Version);
        Assert.AreEqual("Globex", listed.Brand.Name, "the name keeps the case it was created with");
        Assert.AreEqual("Globex Inc", string.Join("|", listed.Brand.Keywords));
        Assert.IsEmpty(listed.Brand.Feeds);
        Assert.IsNull(listed.Brand.Retention);
        Assert.AreEqual(("admin", T0, "editor", T0.AddMinutes(5)), (listed.CreatedBy, listed.CreatedAt, listed.UpdatedBy, listed.UpdatedAt));
    }

    [TestMethod]
    public async Task Update_BasedOnAnOldVersion_ThrowsConflict_AndChangesNothing()
    {
        await Store.CreateAsync(Globex(), "admin", None);
        var first = Globex();
        first.Keywords = ["first edit"];
        await Store.UpdateAsync(first, 1, "ann", None);
        var second = Globex();
        second.Keywords = ["second edit"];

        var error = await Assert.ThrowsExactlyAsync<BrandVersionConflictException>(() => Store.UpdateAsync(second, 1, "bob", None));

        Assert.AreEqual((1L, 2L), (error.ExpectedVersion, error.ActualVersion));
        var listed = (await Store.ListAsync(None)).Single();
        Assert.AreEqual("first edit", string.Join("|", listed.Brand.Keywords));
        Assert.AreEqual(2L, listed.Version);
    }

    [TestMethod]
    public async Task UpdateOrDelete_OfAnUnknownBrand_ThrowsNotFound()
    {
        await Assert.ThrowsExactlyAsync<BrandNotFoundException>(() => Store.UpdateAsync(Globex(), 1, "admin", None));
        await Assert.ThrowsExactlyAsync<BrandNotFoundException>(() => Store.DeleteAsync("Globex", 1, "admin", None));
    }

    [TestMethod]
    public async Task Delete_ChecksTheVersion_ThenRemovesTheBrand()
    {
        await Store.CreateAsync(Globex(), "admin", None);
        await Store.UpdateAsync(Globex(), 1, "admin", None);

        await Assert.ThrowsExactlyAsync<BrandVersionConflictException>(() => Store.DeleteAsync("Globex", 1, "admin", None));
        Assert.HasCount(1, await Store.ListAsync(None));
        await Store.DeleteAsync("GLOBEX", 2, "admin", None);

        Assert.IsEmpty(await Store.ListAsync(None));
    }

    [TestMethod]
    public async Task EveryChange_IsInTheAdminAudit_WithActorAndBrand()
    {
        await Store.CreateAsync(Globex(), "ann", None);
        await Store.UpdateAsync(Globex(), 1, "bob", None);
        await Store.DeleteAsync("Globex", 2, "carol", None);
        await Store.CreateAsync(Globex(), "dave", None);
        await Assert.ThrowsExactlyAsync<BrandVersionConflictException>(() => Store.UpdateAsync(Globex(), 7, "eve", None));

        var audit = await BrandAuditAsync();

        Assert.AreEqual("ann created|bob updated|carol deleted|dave created", string.Join("|", audit.Select(e => $"{e.Actor} {e.Action}")));
        Assert.IsTrue(audit.All(e => e.Subject == "Globex"));
        StringAssert.Contains(audit[0].Detail, "globex anvil");
        StringAssert.Contains(audit[2].Detail, "stored mentions kept");
    }

    private async Task<List<(string Actor, string Action, string Subject, string Detail)>> BrandAuditAsync()
    {
        const string Sql = "SELECT actor, action, entity_key, body FROM admin_audit WHERE entity = 'brand' ORDER BY id";
        await using var connection = Database.Provider switch
        {
            StorageProvider.Sqlite => (System.Data.Common.DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(Database.ConnectionString),
            StorageProvider.PostgreSql => new Npgsql.NpgsqlConnection(Database.ConnectionString),
            _ => new Microsoft.Data.SqlClient.SqlConnection(Database.ConnectionString),
        };
        var rows = await Dapper.SqlMapper.QueryAsync<(string, string, string, string)>(connection, Sql);
        return [.. rows];
    }
}

[TestClass]
public sealed class SqliteBrandStoreTests : BrandStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlBrandStoreTests : BrandStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("brand_store");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerBrandStoreTests : BrandStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
