using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Hangfire.Storage;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Jobs;
using SocialWatch.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Host.Tests.Ingest;

/// <summary>
/// Two hosts on one PostgreSQL database polling the same X query at the same time: Hangfire's distributed lock keeps
/// their runs apart, and when two runs do overlap the cursor check makes sure no page is stored twice.
/// </summary>
[TestClass]
public sealed class IngestTwoHostPostgreSqlTests
{
    private const string SearchPath = "/2/tweets/search/recent";
    private const string Database = "sw_ingest_two_hosts";
    private const int Pages = 6;
    private const int PostsPerPage = 20;

    [TestMethod]
    public async Task TwoHostsPollingTheSameQueryAtOnce_StoreAndRouteEveryPostExactlyOnce()
    {
        var connectionString = await CreateDatabaseAsync();
        using var x = WireMockServer.Start();
        GivenSlowPages(x);
        await using var hostA = new IngestTestHost("PostgreSql", connectionString, x.Url!);
        await using var hostB = new IngestTestHost("PostgreSql", connectionString, x.Url!);
        await hostA.MigrateAsync();

        var runs = await Task.WhenAll(hostA.RunAsync(), hostB.RunAsync());
        var followUp = await hostB.RunAsync();

        var mentions = await hostA.Get<IMentionStore>().GetMentionsAsync(new MentionQuery { Source = "x", Limit = 1_000 }, CancellationToken.None);
        Assert.HasCount(Pages * PostsPerPage, mentions);
        Assert.AreEqual(Pages * PostsPerPage, mentions.Select(m => m.Mention.ExternalId).Distinct().Count());
        Assert.AreEqual(Pages * PostsPerPage, runs.Sum(r => r.Stored) + followUp.Stored, "each post was inserted by exactly one run");
        Assert.AreEqual(Pages * PostsPerPage, hostA.Routed.Received.Count + hostB.Routed.Received.Count, "and routed once");
        Assert.IsTrue(runs.Any(r => r.Outcome == "cursor moved by another run"), "the overlapping run noticed the other host and stopped");
        Assert.AreEqual($"{{\"since_id\":\"{NewestId}\"}}", await hostB.Get<IMentionStore>().GetCursorAsync(IngestTestHost.XQueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task IngestJobLock_HeldByOneHost_BlocksTheSameQueryOnAnotherHost()
    {
        var connectionString = await CreateDatabaseAsync();
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, DistributedLockTimeout = TimeSpan.FromSeconds(1) };
        var hostA = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        var hostB = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        var gateA = new HangfireQueryRunGate(hostA);
        var gateB = new HangfireQueryRunGate(hostB);

        var runA = gateA.TryEnter(IngestTestHost.XQueryKey);
        var refusedB = gateB.TryEnter(IngestTestHost.XQueryKey);
        using (var otherQueryB = gateB.TryEnter("Acme Air:reddit:search"))
        {
            // Other queries run in parallel on other hosts.
            Assert.IsNotNull(otherQueryB);
        }

        Assert.IsNotNull(runA);
        Assert.IsNull(refusedB, "PostgreSQL's lock refusal is read as 'already running', not an error");
        using (var workerB = hostB.GetConnection())
        {
            Assert.ThrowsExactly<PostgreSqlDistributedLockException>(() => workerB.AcquireDistributedLock("ingest:acme air:x:search", TimeSpan.FromMilliseconds(200)));
        }

        runA!.Dispose();
        using var afterRelease = gateB.TryEnter(IngestTestHost.XQueryKey);
        Assert.IsNotNull(afterRelease, "released when the run ends");
    }

    private static string NewestId => (1_000 + (Pages * PostsPerPage) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync(Database);

    /// <summary>Newest first, chained by next_token; each answer takes a while so that two runs overlap.</summary>
    private static void GivenSlowPages(WireMockServer x)
    {
        for (var page = 0; page < Pages; page++)
        {
            var newest = 1_000 + (Pages * PostsPerPage) - 1 - (page * PostsPerPage);
            var ids = Enumerable.Range(0, PostsPerPage).Select(i => (newest - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var body = XPages.Search(ids, page < Pages - 1 ? "p" + (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            var request = Request.Create().WithPath(SearchPath).UsingGet();
            request = page == 0 ? request : request.WithParam("next_token", "p" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.Given(request).AtPriority(page == 0 ? 10 : 1)
                .RespondWith(Response.Create().WithStatusCode(200).WithBody(body).WithDelay(TimeSpan.FromMilliseconds(150)));
        }

        x.Given(Request.Create().WithPath(SearchPath).WithParam("since_id", NewestId).UsingGet()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPages.Search([], null)));
    }
}
