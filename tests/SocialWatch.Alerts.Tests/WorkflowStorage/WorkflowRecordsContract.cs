using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.WorkflowStorage;

/// <summary>What the promise store, the SLA notice log and the spike state store must do, whatever the dialect.</summary>
public abstract class WorkflowRecordsContract : WorkflowStoreContract
{
    [TestMethod]
    public async Task Promises_RoundTrip_KeptOnce_AndOverdueUntilBroken()
    {
        var store = Resolve<IPromiseStore>();
        var alert = await CreateAlertAsync();
        var kept = await store.AddAsync(new Promise { AlertId = alert.Id, Text = "Refund <today> 'x'", DueAt = T0.AddHours(1), CreatedBy = "ann", CreatedAt = T0 }, None);
        var late = await store.AddAsync(new Promise { AlertId = alert.Id, Text = "Call back", DueAt = T0.AddHours(2), CreatedBy = "ann", CreatedAt = T0 }, None);
        var future = await store.AddAsync(new Promise { AlertId = alert.Id, Text = "Visit", DueAt = T0.AddDays(2), CreatedBy = "ann", CreatedAt = T0 }, None);

        var firstMark = await store.MarkKeptAsync(kept.Id, "ann", T0.AddMinutes(30), None);
        var secondMark = await store.MarkKeptAsync(kept.Id, "bob", T0.AddMinutes(40), None);
        var overdue = await store.GetOverdueAsync(T0.AddHours(3), 10, None);
        var firstLink = await store.MarkBrokenAsync(late.Id, 77, None);
        var secondLink = await store.MarkBrokenAsync(late.Id, 78, None);
        var overdueAfter = await store.GetOverdueAsync(T0.AddHours(3), 10, None);

        Assert.AreEqual((true, false), (firstMark, secondMark));
        Assert.AreEqual(late.Id, overdue.Single().Id);
        Assert.AreEqual((true, false), (firstLink, secondLink));
        Assert.IsEmpty(overdueAfter);
        var read = await store.GetAsync(kept.Id, None);
        Assert.AreEqual(kept with { KeptAt = T0.AddMinutes(30), KeptBy = "ann" }, read);
        Assert.AreEqual(77, (await store.GetAsync(late.Id, None))!.BrokenAlertId);
        Assert.AreEqual($"{kept.Id},{late.Id},{future.Id}", string.Join(",", (await store.ListForAlertAsync(alert.Id, None)).Select(p => p.Id)));
    }

    [TestMethod]
    public async Task SpikeState_RoundTripsAndOverwrites()
    {
        var store = Resolve<ISpikeStateStore>();
        var active = new SpikeState("acme") { Active = true, StartedAt = T0, LastElevatedAt = T0.AddHours(1), AlertId = 5 };

        var before = await store.GetAsync("acme", None);
        await store.SaveAsync(active, None);
        var read = await store.GetAsync("acme", None);
        await store.SaveAsync(active with { Active = false, CoolDownUntil = T0.AddHours(7) }, None);
        var ended = await store.GetAsync("acme", None);

        Assert.IsNull(before);
        Assert.AreEqual(active, read);
        Assert.AreEqual(active with { Active = false, CoolDownUntil = T0.AddHours(7) }, ended);
    }
}

[TestClass]
public sealed class SqliteWorkflowRecordsTests : WorkflowRecordsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlWorkflowRecordsTests : WorkflowRecordsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("workflow_records");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerWorkflowRecordsTests : WorkflowRecordsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
