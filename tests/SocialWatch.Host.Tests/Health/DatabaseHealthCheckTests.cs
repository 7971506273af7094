using System.Net;
using Microsoft.Data.Sqlite;

namespace SocialWatch.Host.Tests.Health;

[TestClass]
public sealed class DatabaseHealthCheckTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Ready_AfterTheSqliteFileAndItsWalAreDeleted_AnswersUnavailable()
    {
        using var dir = new TempDirectory();
        await using var host = ReadyHost.Start(dir.Path);
        await host.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);

        host.DeleteDatabaseFiles();
        var ready = await host.GetAsync("/health/ready", TestContext.CancellationToken);
        var health = await host.GetAsync("/health", TestContext.CancellationToken);
        var live = await host.GetAsync("/health/live", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, ready.Status, ready.Body);
        StringAssert.Contains(ready.Body, "not the one this host started with");
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, health.Status, health.Body);
        Assert.AreEqual(HttpStatusCode.OK, live.Status, "the process itself is fine; restarting it would not bring the data back");
    }

    [TestMethod]
    public async Task Ready_WhileAnotherProcessHoldsTheWriteLock_AnswersUnavailableAndRecoversAfter()
    {
        using var dir = new TempDirectory();
        await using var host = ReadyHost.Start(dir.Path);
        await host.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);
        await using var locker = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False");
        await locker.OpenAsync(TestContext.CancellationToken);
        await using var command = locker.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE; UPDATE storage_identity SET checked_by = 'lock holder';";
        await command.ExecuteNonQueryAsync(TestContext.CancellationToken);

        var locked = await host.GetAsync("/health/ready", TestContext.CancellationToken);
        command.CommandText = "ROLLBACK";
        await command.ExecuteNonQueryAsync(TestContext.CancellationToken);
        var released = await host.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, locked.Status, locked.Body);
        StringAssert.Contains(locked.Body, "does not take writes");
        StringAssert.Contains(released, "takes writes");
    }

    [TestMethod]
    public async Task Live_AnswersWithoutTouchingTheDatabase()
    {
        using var dir = new TempDirectory();
        await using var host = ReadyHost.Start(dir.Path);
        await host.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);

        var live = await host.GetAsync("/health/live", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, live.Status, live.Body);
        using var json = System.Text.Json.JsonDocument.Parse(live.Body);
        Assert.AreEqual("Healthy", json.RootElement.GetProperty("status").GetString(), live.Body);
        Assert.AreEqual(0, json.RootElement.GetProperty("checks").EnumerateObject().Count(), live.Body);
    }
}
