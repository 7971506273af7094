using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.TestSupport;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// Two web hosts on one database: a browser on one host hears of alerts that the other host, or a worker writing
/// straight to the database, creates and changes; and a host's own change reaches its browsers once.
/// </summary>
[TestClass]
public sealed class LiveUpdatesAcrossHostsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task AlertChanges_OnSqlite_ReachTheLiveStreamOfTheOtherHost_AndTheirOwnHostOnce()
    {
        await using var a = await WebTestApp.StartAsync();
        await using var b = await WebTestApp.StartAsync("--ConnectionStrings:SocialWatch", a.ConnectionString);

        await AssertLiveAcrossHostsAsync(a, b);
    }

    [TestMethod]
    public async Task AlertChanges_OnPostgreSql_ReachTheLiveStreamOfTheOtherHost_AndTheirOwnHostOnce()
    {
        var database = await CreatePostgreSqlDatabaseAsync("sw_live_across_hosts");
        string[] postgres = ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:SocialWatch", database, "--Web:DemoUsers:AllowOnSharedDatabase", "true"];
        await using var a = await WebTestApp.StartAsync(postgres);
        await using var b = await WebTestApp.StartAsync(postgres);

        await AssertLiveAcrossHostsAsync(a, b);
    }

    [TestMethod]
    public async Task OnlyWebHosts_TailTheAlertChanges()
    {
        await using var web = await WebTestApp.StartAsync();
        await using var worker = await WebTestApp.StartAsync("--Host:Web", "false", "--Host:Worker", "true");

        Assert.HasCount(1, web.Services.GetServices<IHostedService>().OfType<AlertChangeTail>());
        Assert.IsEmpty(worker.Services.GetServices<IHostedService>().OfType<AlertChangeTail>());
    }

    private async Task AssertLiveAcrossHostsAsync(WebTestApp a, WebTestApp b)
    {
        await using var onA = await LiveStream.OpenAsync(a, TestContext.CancellationToken);
        await using var onB = await LiveStream.OpenAsync(b, TestContext.CancellationToken);

        // A worker's routing writes the alert; no web host publishes anything in process.
        var created = await a.AddAlertAsync("@AcmeAir my bag went to Oslo and I did not");
        var heardCreated = await onB.WaitForAsync(c => c.Id == created.Id);
        Assert.AreEqual(("Created", 1, "care", "New"), (heardCreated.Kind, heardCreated.Version, heardCreated.Team, heardCreated.State));

        // An agent on host A claims it: A publishes in process and also reads the change back from the database.
        var claimed = await a.Services.GetRequiredService<ClaimAlert>().ExecuteAsync(new AlertCommand(created.Id, created.Version, "agent"), CancellationToken.None);
        var heardClaim = await onB.WaitForAsync(c => c.Id == created.Id && c.Version == claimed.Version);
        Assert.AreEqual("agent", heardClaim.Actor);
        await onA.WaitForAsync(c => c.Id == created.Id && c.Version == claimed.Version);

        // Once a later alert has reached both streams, each browser has heard each version of the first alert at most
        // once (the tail reads in commit order, so a repeat would have come before the marker). A may skip version 1
        // when its own claim came before its tail read the creation: that row then joins the alert at version 2, which
        // A has announced already, and a browser only needs the newest state.
        var marker = await a.AddAlertAsync("@AcmeAir marker: a later alert");
        await onA.WaitForAsync(c => c.Id == marker.Id);
        await onB.WaitForAsync(c => c.Id == marker.Id);
        var versionsOnA = string.Join(",", onA.Heard.Where(c => c.Id == created.Id).Select(c => c.Version));
        var versionsOnB = string.Join(",", onB.Heard.Where(c => c.Id == created.Id).Select(c => c.Version));
        Assert.IsTrue(versionsOnA is "1,2" or "2", $"host A heard versions {versionsOnA}");
        Assert.AreEqual("1,2", versionsOnB, "host B");
    }

    private static Task<string> CreatePostgreSqlDatabaseAsync(string name) => TestPostgres.CreateDatabaseAsync(name);

    private sealed record Change(long Id, string Kind, string Team, string Brand, string State, int Version, string? Actor);

    /// <summary>A signed-in manager's /live/alerts stream, read as a browser's EventSource would.</summary>
    private sealed class LiveStream : IAsyncDisposable
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        private readonly WebClient _client;
        private readonly CancellationTokenSource _stop;
        private readonly Lock _gate = new();
        private readonly List<Change> _heard = [];
        private Task _reading = Task.CompletedTask;

        private LiveStream(WebClient client, CancellationToken cancellationToken)
        {
            _client = client;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        public IReadOnlyList<Change> Heard
        {
            get
            {
                lock (_gate)
                {
                    return [.. _heard];
                }
            }
        }

        public static async Task<LiveStream> OpenAsync(WebTestApp app, CancellationToken cancellationToken)
        {
            var client = new WebClient(app.BaseAddress);
            await client.SignInAsync("manager");
            var live = new LiveStream(client, cancellationToken);
            var response = await client.Http.GetAsync("/live/alerts", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            var hello = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            live._reading = Task.Run(async () =>
            {
                try
                {
                    await using var body = await response.Content.ReadAsStreamAsync(live._stop.Token);
                    await foreach (var item in SseParser.Create(body).EnumerateAsync(live._stop.Token))
                    {
                        if (item.EventType == "hello")
                        {
                            hello.TrySetResult();
                        }
                        else if (item.EventType == "alert")
                        {
                            var change = JsonSerializer.Deserialize<Change>(item.Data, Json)!;
                            lock (live._gate)
                            {
                                live._heard.Add(change);
                            }
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // Test over.
                }
                finally
                {
                    response.Dispose();
                }
            }, CancellationToken.None);
            await hello.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            return live;
        }

        public async Task<Change> WaitForAsync(Func<Change, bool> match)
        {
            // Tail rounds are 1 s apart; the rest is a loaded shared machine.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                if (Heard.FirstOrDefault(match) is { } change)
                {
                    return change;
                }

                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"The live stream did not carry the change; it heard: {string.Join("; ", Heard)}");
                }

                await Task.Delay(25, _stop.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _reading;
            _stop.Dispose();
            _client.Dispose();
        }
    }
}
