using SocialWatch.Core.Access;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>What every <see cref="IModelVersionStore"/> must do, whatever the dialect.</summary>
public abstract class ModelVersionStoreContract : StoreContract
{
    private IModelVersionStore Store => Get<IModelVersionStore>();

    private static ModelVersion Version(string name, int minutes) => new()
    {
        Version = name,
        CreatedAt = T0.AddMinutes(minutes),
        CreatedBy = "retrain",
        MetricsJson = "{\"complaint\":{\"auc\":0." + minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}",
    };

    private async Task AddAsync(params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            Assert.IsTrue(await Store.AddAsync(Version(names[i], i + 1), [(byte)i, 0, 255], None));
        }
    }

    [TestMethod]
    public async Task Add_ThenListAndArchive_RoundTripNewestFirst_AndASecondAddOfTheSameVersionChangesNothing()
    {
        var archive = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        var first = Version("20260314-092653-589", 1) with { CreatedBy = "import", MetricsJson = null };

        Assert.IsTrue(await Store.AddAsync(first, archive, None));
        Assert.IsTrue(await Store.AddAsync(Version("v2", 2), [1, 2, 3], None));
        Assert.IsFalse(await Store.AddAsync(Version("v2", 9), [9], None));
        var list = await Store.ListAsync(None);

        CollectionAssert.AreEqual(new[] { Version("v2", 2), first }, list.ToArray());
        CollectionAssert.AreEqual(archive, await Store.GetArchiveAsync(first.Version, None));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, await Store.GetArchiveAsync("v2", None));
        Assert.IsNull(await Store.GetArchiveAsync("v3", None));
        Assert.IsNull(await Store.GetPromotedAsync(None));
    }

    [TestMethod]
    public async Task Promote_KeepsTheReplacedVersion_AndRollbackGoesBackOneStepAtATime()
    {
        await AddAsync("a", "b", "c");

        var a = await Store.PromoteAsync("a", "import", T0, None);
        var b = await Store.PromoteAsync("b", "admin.ada", T0.AddMinutes(1), None);
        var c = await Store.PromoteAsync("c", "retrain", T0.AddMinutes(2), None);
        var toB = await Store.RollbackAsync("admin.ada", T0.AddMinutes(3), None);
        var toA = await Store.RollbackAsync("admin.ada", T0.AddMinutes(4), None);

        Assert.AreEqual(new PromotedModel("a", null, T0, "import"), a);
        Assert.AreEqual(new PromotedModel("b", "a", T0.AddMinutes(1), "admin.ada"), b);
        Assert.AreEqual(new PromotedModel("c", "b", T0.AddMinutes(2), "retrain"), c);
        Assert.AreEqual(new PromotedModel("b", "a", T0.AddMinutes(3), "admin.ada"), toB);
        Assert.AreEqual(new PromotedModel("a", null, T0.AddMinutes(4), "admin.ada"), toA);
        Assert.AreEqual(toA, await Store.GetPromotedAsync(None));
        var error = await Assert.ThrowsExactlyAsync<ModelVersionException>(() => Store.RollbackAsync("admin.ada", T0.AddMinutes(5), None));
        StringAssert.Contains(error.Message, "nothing to roll back");
    }

    [TestMethod]
    public async Task PromoteAndRollback_WriteTheAdminAudit()
    {
        await AddAsync("a", "b");

        await Store.PromoteAsync("a", "import", T0, None);
        await Store.PromoteAsync("b", "admin.ada", T0.AddMinutes(1), None);
        await Store.RollbackAsync("admin.bob", T0.AddMinutes(2), None);
        var audit = (await Get<IAdminAuditStore>().GetLatestAsync(10, None)).Where(e => e.Area == "model").ToList();

        Assert.AreEqual(
            "admin.bob rolled back a (from b)|admin.ada promoted b (replaces a)|import promoted a (first promoted version)",
            string.Join("|", audit.Select(e => $"{e.Actor} {e.Action} {e.Subject} ({e.Detail})")));
        Assert.AreEqual(T0.AddMinutes(2), audit[0].At);
    }

    [TestMethod]
    public async Task Promote_RefusesAnUnknownVersionOrTheOneAlreadyPromoted_AndChangesNothing()
    {
        await AddAsync("a");
        var promoted = await Store.PromoteAsync("a", "import", T0, None);

        var unknown = await Assert.ThrowsExactlyAsync<ModelVersionException>(() => Store.PromoteAsync("nope", "admin.ada", T0.AddMinutes(1), None));
        var again = await Assert.ThrowsExactlyAsync<ModelVersionException>(() => Store.PromoteAsync("a", "admin.ada", T0.AddMinutes(1), None));
        var rollback = await Assert.ThrowsExactlyAsync<ModelVersionException>(() => Store.RollbackAsync("admin.ada", T0.AddMinutes(1), None));

        StringAssert.Contains(unknown.Message, "'nope'");
        StringAssert.Contains(again.Message, "already promoted");
        StringAssert.Contains(rollback.Message, "nothing to roll back");
        Assert.AreEqual(promoted, await Store.GetPromotedAsync(None));
    }

    [TestMethod]
    public async Task Rollback_BeforeAnyPromotion_SaysSo()
    {
        var error = await Assert.ThrowsExactlyAsync<ModelVersionException>(() => Store.RollbackAsync("admin.ada", T0, None));

        StringAssert.Contains(error.Message, "No model version is promoted");
    }
}

[TestClass]
public sealed class SqliteModelVersionStoreTests : ModelVersionStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlModelVersionStoreTests : ModelVersionStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("model_version_store");
}

[TestClass]
public sealed class SqlServerModelVersionStoreTests : ModelVersionStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
