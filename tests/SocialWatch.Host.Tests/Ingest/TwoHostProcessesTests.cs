using System.Globalization;
using Npgsql;
using SocialWatch.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Host.Tests.Ingest;

/// <summary>
/// Two real host processes (`serve`) on one PostgreSQL database, with Hangfire.PostgreSql as their shared job
/// storage, polling a fake X API on a 2-second schedule: every post is stored once and every poll runs once.
/// </summary>
[TestClass]
public sealed class TwoHostProcessesTests
{
    private const string SearchPath = "/2/tweets/search/recent";
    private const int Pages = 3;
    private const int PostsPerPage = 20;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TwoHostProcesses_OnOnePostgreSql_StoreEveryPostOnce_AndRunEachPollOnce()
    {
        var connectionString = await CreateDatabaseAsync("sw_two_host_processes");
        using var x = WireMockServer.Start();
        GivenPages(x);
        using var dirA = new TempDirectory();
        using var dirB = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__SocialWatch"] = connectionString,
            ["Hangfire__Storage"] = "PostgreSql",
            ["Hangfire__SchedulePollingInterval"] = "00:00:01",
            ["Sources__Demo__Enabled"] = "false",
            ["Sources__X__BaseUrl"] = x.Url,
            ["Sources__X__BearerToken"] = "test-token",
            ["Sources__X__PollInterval"] = "00:00:02",
        };

        // Port 0: the hosts serve no requests here, and a port picked beforehand may be taken by the time a host binds it.
        await using (var hostA = HostProcess.Start(["--urls", "http://127.0.0.1:0"], environment, dirA.Path))
        await using (var hostB = HostProcess.Start(["--urls", "http://127.0.0.1:0"], environment, dirB.Path))
        {
            await WaitUntilAsync(async () => await CountAsync(connectionString, "SELECT count(*) FROM hangfire.server") == 2, hostA, hostB, "both Hangfire servers registered");
            await WaitUntilAsync(async () => await CountAsync(connectionString, "SELECT count(*) FROM mentions WHERE source = 'x'") == Pages * PostsPerPage, hostA, hostB, "every post stored");

            // Wait for several more polls to come round on the shared schedule (each starts with a search without a
            // next_token), rather than for a fixed time that a busy machine may not fill.
            await WaitUntilAsync(() => Task.FromResult(SearchRequests(x).Count(r => r.Query is null || !r.Query.ContainsKey("next_token")) >= 4), hostA, hostB, "several polls came round");
            Assert.IsFalse(hostA.HasExited || hostB.HasExited, hostA.StandardError + hostB.StandardError);

            // Compare while the hosts still run, at a moment between two polls, so no poll is cut off half-way.
            var (pollStarts, pollRuns) = await SnapshotBetweenPollsAsync(connectionString, x);
            Assert.IsGreaterThanOrEqualTo(3, pollStarts, "the schedule came round several times");
            Assert.AreEqual(pollRuns, pollStarts, "each poll job read the API once");
        }

        Assert.AreEqual(Pages * PostsPerPage, await CountAsync(connectionString, "SELECT count(DISTINCT external_id) FROM mentions WHERE source = 'x'"));
        Assert.AreEqual(Pages * PostsPerPage, await CountAsync(connectionString, "SELECT count(*) FROM mentions WHERE source = 'x'"));
        var requests = SearchRequests(x);
        for (var page = 1; page < Pages; page++)
        {
            var token = "p" + page.ToString(CultureInfo.InvariantCulture);
            Assert.AreEqual(1, requests.Count(r => r.Query is { } q && q.TryGetValue("next_token", out var v) && v.Contains(token)), $"page {token} was read once");
        }

        var occurrences = await CountAsync(
            connectionString,
            """
            SELECT count(DISTINCT p.value) FROM hangfire.job j
            JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'Time'
            WHERE j.invocationdata::text LIKE '%IngestJob%'
            """);
        var allPollJobs = await CountAsync(connectionString, "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IngestJob%'");
        Assert.AreEqual(allPollJobs, occurrences, "no scheduled occurrence was triggered by both hosts");
        var failures = await TextsAsync(connectionString, "SELECT s.reason || ' ' || coalesce(s.data::text, '') FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Failed' AND j.invocationdata::text LIKE '%IngestJob%'");
        Assert.IsEmpty(failures, "no poll failed: " + string.Join("\n", failures));
    }

    private static List<WireMock.IRequestMessage> SearchRequests(WireMockServer x) =>
        [.. x.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path == SearchPath)];

    /// <summary>
    /// Poll starts seen by the fake API and poll jobs that completed a read, taken when no poll is in flight. An
    /// occurrence that found the previous run still going completes as "already running" without reading; on a busy
    /// machine that happens, and it is not a second read.
    /// </summary>
    private async Task<(int PollStarts, long PollRuns)> SnapshotBetweenPollsAsync(string connectionString, WireMockServer x)
    {
        const string RunsSql = """
            SELECT count(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Succeeded' AND j.invocationdata::text LIKE '%IngestJob%'
              AND coalesce(s.data::text, '') NOT LIKE '%already running%'
            """;
        const string InFlightSql = "SELECT count(*) FROM hangfire.job WHERE statename = 'Processing' AND invocationdata::text LIKE '%IngestJob%'";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var before = await CountAsync(connectionString, RunsSql);
            var inFlight = await CountAsync(connectionString, InFlightSql);
            var starts = SearchRequests(x).Count(r => r.Query is null || !r.Query.ContainsKey("next_token"));
            var after = await CountAsync(connectionString, RunsSql);
            if (inFlight == 0 && before == after && await CountAsync(connectionString, InFlightSql) == 0)
            {
                return (starts, after);
            }

            await Task.Delay(50, TestContext.CancellationToken);
        }

        Assert.Fail("never saw a moment between two polls");
        return default;
    }

    private static void GivenPages(WireMockServer x)
    {
        var newest = 5_000 + (Pages * PostsPerPage) - 1;
        for (var page = 0; page < Pages; page++)
        {
            var top = newest - (page * PostsPerPage);
            var ids = Enumerable.Range(0, PostsPerPage).Select(i => (top - i).ToString(CultureInfo.InvariantCulture));
            var next = page < Pages - 1 ? "p" + (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            var request = Request.Create().WithPath(SearchPath).UsingGet();
            request = page == 0 ? request : request.WithParam("next_token", "p" + page.ToString(CultureInfo.InvariantCulture));
            x.Given(request).AtPriority(page == 0 ? 10 : 1)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(XPages.Search(ids, next)).WithDelay(TimeSpan.FromMilliseconds(300)));
        }

        x.Given(Request.Create().WithPath(SearchPath).WithParam("since_id", newest.ToString(CultureInfo.InvariantCulture)).UsingGet()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(XPages.Search([], null)));
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, HostProcess a, HostProcess b, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            Assert.IsFalse(a.HasExited || b.HasExited, $"a host exited while waiting for: {what}\n{a.StandardError}\n{b.StandardError}");
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (PostgresException)
            {
                // schema not created yet by the hosts
            }

            await Task.Delay(250, TestContext.CancellationToken);
        }

        Assert.Fail($"timed out waiting for: {what}\n--- host A ---\n{a.StandardOutput}\n{a.StandardError}\n--- host B ---\n{b.StandardOutput}\n{b.StandardError}");
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> TextsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }

        return texts;
    }

    private static Task<string> CreateDatabaseAsync(string name) => TestPostgres.CreateDatabaseAsync(name);
}
