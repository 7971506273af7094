using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialWatch.Host.Tests.Health;
using SocialWatch.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Host.Tests.Ingest;

/// <summary>
/// The real host killed (SIGKILL) at random moments of an ingest run, twenty times over, then left to finish: every
/// post of a slow, paged fake X API is stored once and routed once (no hand-over left, no mention with two alerts).
/// Seeded, so a failing run can be repeated.
/// </summary>
[TestClass]
public sealed class IngestChaosTests
{
    private const string SearchPath = "/2/tweets/search/recent";
    private const int Pages = 12;
    private const int PostsPerPage = 20;
    private const int Kills = 20;
    private const int Seed = 18;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task KilledTwentyTimesMidIngest_OnSqlite_StoresAndRoutesEveryPostOnce()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "data", "socialwatch.db");

        await RunAsync(dir, new Dictionary<string, string?>(), () => new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False"));
    }

    [TestMethod]
    public async Task KilledTwentyTimesMidIngest_OnPostgreSql_StoresAndRoutesEveryPostOnce()
    {
        using var dir = new TempDirectory();
        var connectionString = await CreateDatabaseAsync("sw_ingest_chaos");

        await RunAsync(
            dir,
            new Dictionary<string, string?> { ["Storage__Provider"] = "PostgreSql", ["ConnectionStrings__SocialWatch"] = connectionString },
            () => new NpgsqlConnection(connectionString));
    }

    private async Task RunAsync(TempDirectory dir, Dictionary<string, string?> storage, Func<DbConnection> connect)
    {
        using var x = WireMockServer.Start();
        GivenSlowPages(x);
        var environment = new Dictionary<string, string?>(storage)
        {
            ["Hangfire__Storage"] = "InMemory",
            ["Hangfire__SchedulePollingInterval"] = "00:00:01",
            ["Sources__Demo__Enabled"] = "false",
            ["Sources__X__BaseUrl"] = x.Url,
            ["Sources__X__BearerToken"] = "test-token",
            ["Sources__X__PollInterval"] = "00:00:02",
            ["Ingest__HandOverRecoveryAfter"] = "00:01:00",
        };
        var random = new Random(Seed);
        var storedAtKill = new List<long>();
        for (var run = 0; run < Kills; run++)
        {
            await using var host = ReadyHost.Start(dir.Path, environment);
            await host.WaitForAsync("/health/live", HttpStatusCode.OK, TestContext.CancellationToken);
            await Task.Delay(random.Next(200, 2_500), TestContext.CancellationToken);
            storedAtKill.Add(await CountAsync(connect, "SELECT count(*) FROM mentions"));

            // Disposing kills the process tree with SIGKILL: no shutdown hook runs.
        }

        await using (var last = ReadyHost.Start(dir.Path, environment))
        {
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (DateTime.UtcNow < deadline
                && (await CountAsync(connect, "SELECT count(DISTINCT external_id) FROM mentions") < Pages * PostsPerPage
                    || await CountAsync(connect, "SELECT count(*) FROM mention_handovers") > 0))
            {
                Assert.IsFalse(last.Process.HasExited, last.Process.StandardError);
                await Task.Delay(500, TestContext.CancellationToken);
            }
        }

        var distinct = await CountAsync(connect, "SELECT count(DISTINCT external_id) FROM mentions");
        var rows = await CountAsync(connect, "SELECT count(*) FROM mentions");
        var unrouted = await CountAsync(connect, "SELECT count(*) FROM mention_handovers");
        var routedTwice = await CountAsync(connect, "SELECT count(*) FROM (SELECT mention_id FROM alerts WHERE mention_id IS NOT NULL GROUP BY mention_id HAVING count(*) > 1) twice");
        var alerts = await CountAsync(connect, "SELECT count(*) FROM alerts WHERE mention_id IS NOT NULL");
        var lost = (Pages * PostsPerPage) - distinct;
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runs {Kills + 1} ({Kills} killed; stored at each kill: {string.Join(",", storedAtKill)}), posts {Pages * PostsPerPage}, lost {lost}, duplicated {rows - distinct}, unrouted {unrouted}, routed twice {routedTwice}, alerts {alerts}"));

        Assert.IsGreaterThan(2, storedAtKill.Distinct().Count(), "the kills fell at different points of the run: " + string.Join(",", storedAtKill));
        Assert.AreEqual(0, lost, "lost");
        Assert.AreEqual(0, rows - distinct, "duplicated");
        Assert.AreEqual(0, unrouted, "a stored page was never routed");
        Assert.AreEqual(0, routedTwice, "a mention was routed twice");
    }

    private static void GivenSlowPages(WireMockServer x)
    {
        var newest = 9_000 + (Pages * PostsPerPage) - 1;
        for (var page = 0; page < Pages; page++)
        {
            var top = newest - (page * PostsPerPage);
            var ids = Enumerable.Range(0, PostsPerPage).Select(i => (top - i).ToString(CultureInfo.InvariantCulture));
            var next = page < Pages - 1 ? "p" + (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            var request = Request.Create().WithPath(SearchPath).UsingGet();
            request = page == 0 ? request : request.WithParam("next_token", "p" + page.ToString(CultureInfo.InvariantCulture));
            x.Given(request).AtPriority(page == 0 ? 10 : 1)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(XPages.Search(ids, next)).WithDelay(TimeSpan.FromMilliseconds(250)));
        }

        x.Given(Request.Create().WithPath(SearchPath).WithParam("since_id", newest.ToString(CultureInfo.InvariantCulture)).UsingGet()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(XPages.Search([], null)));
    }

    private static async Task<long> CountAsync(Func<DbConnection> connect, string sql)
    {
        // Only called once a host answered, and a host answers only after it migrated: the tables are there.
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static Task<string> CreateDatabaseAsync(string name) => TestPostgres.CreateDatabaseAsync(name);
}
