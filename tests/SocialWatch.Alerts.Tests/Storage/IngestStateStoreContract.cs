using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>What every <see cref="IIngestStateStore"/> must do, whatever the dialect.</summary>
public abstract class IngestStateStoreContract : StoreContract
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    private IIngestStateStore Store => Get<IIngestStateStore>();

    [TestMethod]
    public async Task AddReads_AddsUp_PerSourceBrandAndDay()
    {
        var first = await Store.AddReadsAsync("x", "acme", Day, 100, None);
        var second = await Store.AddReadsAsync("x", "acme", Day, 25, None);
        await Store.AddReadsAsync("x", "acme", Day.AddDays(1), 7, None);
        await Store.AddReadsAsync("x", "globex", Day, 3, None);
        await Store.AddReadsAsync("reddit", "acme", Day, 5, None);

        var total = await Store.GetReadsAsync("x", "acme", Day, None);

        Assert.AreEqual(100, first);
        Assert.AreEqual(125, second);
        Assert.AreEqual(125, total);
        Assert.AreEqual(7, await Store.GetReadsAsync("x", "acme", Day.AddDays(1), None));
        Assert.AreEqual(3, await Store.GetReadsAsync("x", "globex", Day, None));
        Assert.AreEqual(5, await Store.GetReadsAsync("reddit", "acme", Day, None));
    }

    [TestMethod]
    public async Task GetReadsBetween_SumsTheDaysOfOneSourceAndBrand_BothEndsIncluded()
    {
        await Store.AddReadsAsync("x", "acme", Day.AddDays(-1), 1_000, None);
        await Store.AddReadsAsync("x", "acme", Day, 100, None);
        await Store.AddReadsAsync("x", "acme", Day.AddDays(3), 30, None);
        await Store.AddReadsAsync("x", "acme", Day.AddDays(6), 6, None);
        await Store.AddReadsAsync("x", "acme", Day.AddDays(7), 7_000, None);
        await Store.AddReadsAsync("x", "globex", Day.AddDays(2), 50, None);
        await Store.AddReadsAsync("reddit", "acme", Day.AddDays(2), 50, None);

        Assert.AreEqual(136, await Store.GetReadsBetweenAsync("x", "acme", Day, Day.AddDays(6), None));
        Assert.AreEqual(100, await Store.GetReadsBetweenAsync("x", "acme", Day, Day, None));
        Assert.AreEqual(0, await Store.GetReadsBetweenAsync("x", "acme", Day.AddDays(1), Day.AddDays(2), None));
        Assert.AreEqual(0, await Store.GetReadsBetweenAsync("x", "initech", Day, Day.AddDays(6), None));
    }

    [TestMethod]
    public async Task GetReads_OfADayWithoutReads_IsZero()
    {
        Assert.AreEqual(0, await Store.GetReadsAsync("x", "acme", Day, None));
    }

    [TestMethod]
    public async Task AddReads_FromConcurrentHosts_LosesNoCount()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.AddReadsAsync("x", "acme", Day, 10, None)));

        Assert.AreEqual(200, await Store.GetReadsAsync("x", "acme", Day, None));
    }

    [TestMethod]
    public async Task PauseSource_IsReported_UntilItsTimePasses()
    {
        var until = T0.AddHours(2);

        await Store.PauseSourceAsync("x", until, "monthly read cap reached", None);
        var paused = await Store.GetPauseAsync("x", None);
        Time.Advance(TimeSpan.FromHours(2));
        var afterwards = await Store.GetPauseAsync("x", None);

        Assert.AreEqual(new SourcePause("x", until, "monthly read cap reached"), paused);
        Assert.IsNull(afterwards);
        Assert.IsNull(await Store.GetPauseAsync("reddit", None));
    }

    [TestMethod]
    public async Task PauseSource_Again_ReplacesTheEarlierPause()
    {
        await Store.PauseSourceAsync("x", T0.AddHours(1), "rate limited", None);

        await Store.PauseSourceAsync("x", T0.AddDays(3), "budget <b>spent</b>; '--", None);

        Assert.AreEqual(new SourcePause("x", T0.AddDays(3), "budget <b>spent</b>; '--"), await Store.GetPauseAsync("x", None));
    }
}

[TestClass]
public sealed class SqliteIngestStateStoreTests : IngestStateStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlIngestStateStoreTests : IngestStateStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("ingest_state_store");
}

[TestClass]
public sealed class SqlServerIngestStateStoreTests : IngestStateStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
