using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.TestSupport;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>The tail on PostgreSQL, where several hosts write at once and commits do not follow positions.</summary>
[TestClass]
public sealed class PostgreSqlAlertChangeTailTests : AlertChangeTailContract
{
    private string DatabaseName => new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database!;

    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("alert_change_tail");

    protected override async Task TakeDatabaseDownAsync() =>
        await AdminAsync($"""
            ALTER DATABASE "{DatabaseName}" WITH ALLOW_CONNECTIONS false;
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DatabaseName}' AND pid <> pg_backend_pid();
            """);

    protected override async Task BringDatabaseBackAsync()
    {
        await AdminAsync($"""ALTER DATABASE "{DatabaseName}" WITH ALLOW_CONNECTIONS true""");
    }

    [TestMethod]
    public async Task Poll_ASmallerPositionCommittedAfterALargerOne_IsStillRelayed()
    {
        await Tail.PollAsync(None);
        await using var heard = StreamRecorder.Start(Reader);
        await using var slow = await OpenConnectionAsync();
        await using var slowCommit = await slow.BeginTransactionAsync(TestContext.CancellationToken);
        var (slowAlert, slowPosition) = await InsertAlertAsync(slow, slowCommit);

        var fast = await CreateAsync("care");
        await Tail.PollAsync(None);

        var first = await heard.WaitForAsync(1);
        Assert.AreEqual(fast.Id, first[0].Alert.Id);
        Assert.IsGreaterThan(slowPosition, Tail.Position!.Value, "the fast change has the larger position");
        Assert.AreEqual(1, Tail.GapCount, "the uncommitted position is remembered");

        await slowCommit.CommitAsync(TestContext.CancellationToken);
        await Tail.PollAsync(None);

        var events = await heard.WaitForAsync(2);
        Assert.AreEqual((slowAlert, AlertEventKind.Created, "slow"), (events[1].Alert.Id, events[1].Kind, events[1].Actor));
        Assert.AreEqual(0, Tail.GapCount);
        await Tail.PollAsync(None);
        Assert.HasCount(2, heard.Events, "the late change is relayed once");
    }

    [TestMethod]
    public async Task Poll_APositionRolledBack_IsForgottenAfterTheGapTimeout()
    {
        await Tail.PollAsync(None);
        await using var heard = StreamRecorder.Start(Reader);
        await using (var aborted = await OpenConnectionAsync())
        {
            await using var transaction = await aborted.BeginTransactionAsync(TestContext.CancellationToken);
            await InsertAlertAsync(aborted, transaction);
            await transaction.RollbackAsync(TestContext.CancellationToken);
        }

        await CreateAsync("care");
        await Tail.PollAsync(None);
        Assert.AreEqual(1, Tail.GapCount);

        Time.Advance(Reader.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.LiveTailGapTimeout);
        await Tail.PollAsync(None);

        Assert.AreEqual(0, Tail.GapCount);
        await heard.WaitForAsync(1);
        Assert.HasCount(1, heard.Events);
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.CancellationToken);
        return connection;
    }

    // What SqlAlertStore.CreateAsync does on PostgreSQL, with the commit left to the test.
    private static async Task<(long Alert, long Position)> InsertAlertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var alert = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO alerts (kind, brand, team, priority, state, is_open, title, reasons, created_at, updated_at, version)
            VALUES ('Operator', 'acme', 'care', 2, 'New', true, 'slow commit', '[]', now(), now(), 1) RETURNING id
            """,
            transaction: transaction);
        var position = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO alert_audit (alert_id, actor, at, from_state, to_state) VALUES (@alert, 'slow', now(), NULL, 'New') RETURNING id",
            new { alert },
            transaction);
        return (alert, position);
    }

    private static async Task AdminAsync(string sql)
    {
        var server = await PostgresServer.StartSharedAsync();
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
