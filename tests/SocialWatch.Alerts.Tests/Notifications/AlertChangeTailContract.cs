using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Alerts.Tests.WorkflowStorage;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>
/// The tail of a web host ("reader") reading changes that another process ("writer": a worker, another web host)
/// commits to the same database, per dialect. Each side has its own service provider, as two processes would.
/// </summary>
public abstract class AlertChangeTailContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;
    private ServiceProvider? _writer;
    private ServiceProvider? _reader;

    public TestContext TestContext { get; set; } = null!;

    protected FakeTimeProvider Time { get; } = new(T0);

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not open.");

    protected IServiceProvider Writer => _writer ?? throw new InvalidOperationException("The database is not open.");

    protected IServiceProvider Reader => _reader ?? throw new InvalidOperationException("The database is not open.");

    protected AlertChangeTail Tail => Reader.GetRequiredService<AlertChangeTail>();

    protected abstract Task<TestDatabase> OpenDatabaseAsync();

    /// <summary>Makes the database refuse the hosts' connections, as a failed-over or stopped server would.</summary>
    protected abstract Task TakeDatabaseDownAsync();

    protected abstract Task BringDatabaseBackAsync();

    [TestInitialize]
    public async Task OpenAsync()
    {
        _database = await OpenDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Alerts:Notifications:LiveTailBatch"] = "10" };
        _writer = WorkflowServices.Build(_database.Provider.ToString(), _database.ConnectionString, Time, settings);
        _reader = Build(_database, Time, settings);
    }

    [TestCleanup]
    public async Task CloseAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task Poll_StartsAtTheNewestChange_ThenRelaysWhatOtherProcessesCommit()
    {
        var before = await CreateAsync("care");
        await Tail.PollAsync(None);
        await using var heard = StreamRecorder.Start(Reader);

        var created = await CreateAsync("pr");
        var claimed = await ClaimAsync(before, "ana");
        await Tail.PollAsync(None);

        var events = await heard.WaitForAsync(2);
        CollectionAssert.AreEqual(
            new[] { (created.Id, 1, AlertEventKind.Created, "pr", AlertState.New), (before.Id, 2, AlertEventKind.Changed, "care", AlertState.New) },
            events.Select(e => (e.Alert.Id, e.Alert.Version, e.Kind, e.Alert.Team, e.Alert.State)).ToArray());
        Assert.AreEqual(claimed.Version, events[1].Alert.Version);
        Assert.AreEqual("ana", events[1].Actor);
        Assert.AreEqual(0, Tail.GapCount);
    }

    [TestMethod]
    public async Task Poll_AChangeThisHostAlreadyAnnounced_ReachesTheStreamOnce()
    {
        await Tail.PollAsync(None);
        await using var heard = StreamRecorder.Start(Reader);
        var alert = await CreateAsync("care");

        // This host's own workflow publishes at once (the notification worker hands the event to the relay)...
        await Reader.GetRequiredService<LiveAlertRelay>().DeliverAsync(new AlertEvent(AlertEventKind.Created, alert, T0, "routing"), None);

        // ...and its tail reads the same committed change a moment later.
        await Tail.PollAsync(None);
        var claimed = await ClaimAsync(alert, "bo");
        await Tail.PollAsync(None);
        await Reader.GetRequiredService<LiveAlertRelay>().DeliverAsync(new AlertEvent(AlertEventKind.Changed, claimed, T0, "bo"), None);

        // A later alert through the same tail is the marker: once it is heard, any repeat of the first alert's
        // versions would have been delivered before it.
        var marker = await CreateAsync("care");
        await Tail.PollAsync(None);
        var events = await heard.WaitForAsync(e => e.Alert.Id == marker.Id);
        Assert.AreEqual("1,2", string.Join(",", events.Where(e => e.Alert.Id == alert.Id).Select(e => e.Alert.Version)), "one event per alert version");
    }

    [TestMethod]
    public async Task Poll_ABacklogLargerThanOneBatch_IsReadInOneRound_InPositionOrder()
    {
        await Tail.PollAsync(None);
        await using var heard = StreamRecorder.Start(Reader);
        var created = new List<Alert>();
        for (var i = 0; i < 25; i++)
        {
            created.Add(await CreateAsync("care"));
        }

        await Tail.PollAsync(None);

        var events = await heard.WaitForAsync(25);
        CollectionAssert.AreEqual(created.Select(a => a.Id).ToArray(), events.Select(e => e.Alert.Id).ToArray());
    }

    [TestMethod]
    public async Task Run_DatabaseGoesAway_TailLogsBacksOffAndResumesFromItsPosition()
    {
        var logs = new ListLogger<AlertChangeTail>();
        var options = Options.Create(new NotificationOptions
        {
            LiveTailInterval = TimeSpan.FromMilliseconds(50),
            LiveTailMaxRetryDelay = TimeSpan.FromMilliseconds(200),
        });
        using var tail = new AlertChangeTail(
            Reader.GetRequiredService<IAlertChangeLog>(), Reader.GetRequiredService<LiveAlertRelay>(), options, TimeProvider.System, logs);
        await using var heard = StreamRecorder.Start(Reader);
        await tail.StartAsync(None);
        try
        {
            await WaitUntilAsync(() => tail.Position is not null, "the tail started");
            var first = await CreateAsync("care");
            await heard.WaitForAsync(1);

            await TakeDatabaseDownAsync();
            try
            {
                await WaitUntilAsync(() => logs.Entries.Count(e => e.EventId == 2015) >= 3, "the tail failed several times");
                Assert.IsFalse(tail.ExecuteTask!.IsCompleted, "the tail keeps going while the database is away");
            }
            finally
            {
                await BringDatabaseBackAsync();
            }

            // The writer meets its cut pooled connections once and tries again, as a Hangfire job would.
            var second = await RetriedAsync(() => CreateAsync("care"));
            var claimed = await RetriedAsync(() => ClaimAsync(first, "ana"));

            var events = await heard.WaitForAsync(3);
            CollectionAssert.AreEqual(
                new[] { (first.Id, 1), (second.Id, 1), (first.Id, claimed.Version) },
                events.Select(e => (e.Alert.Id, e.Alert.Version)).ToArray());
            await WaitUntilAsync(() => logs.Entries.Any(e => e.EventId == 2016), "the tail logged that it resumed");
            var failure = logs.Entries.First(e => e.EventId == 2015);
            Assert.AreEqual(LogLevel.Warning, failure.Level);
            Assert.IsNotNull(failure.Exception);
        }
        finally
        {
            await tail.StopAsync(None);
            foreach (var entry in logs.Entries)
            {
                TestContext.WriteLine($"{entry.Level} {entry.EventId}: {entry.Message} {entry.Exception?.Message}");
            }
        }
    }

    protected static CancellationToken None => CancellationToken.None;

    protected static ServiceProvider Build(TestDatabase database, TimeProvider time, IDictionary<string, string?>? settings = null)
    {
        // The reader is a web host: the workflow plus the tail.
        var provider = WorkflowServices.Build(database.Provider.ToString(), database.ConnectionString, time, settings, services => services.AddLiveAlertTail());
        return provider;
    }

    protected async Task<Alert> CreateAsync(string team) =>
        await Writer.GetRequiredService<IAlertStore>().CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Operator,
                Brand = "acme",
                Team = team,
                Priority = AlertPriority.High,
                Title = "<b>bag</b> lost",
                CreatedAt = Time.GetUtcNow(),
                Actor = "routing",
            },
            None);

    protected async Task<Alert> ClaimAsync(Alert alert, string agent) =>
        await Writer.GetRequiredService<ClaimAlert>().ExecuteAsync(new AlertCommand(alert.Id, alert.Version, agent), None);

    private static async Task<T> RetriedAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (System.Data.Common.DbException) when (attempt < 20)
            {
                await Task.Delay(50);
            }
        }
    }

    protected async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception);

/// <summary>Keeps every log line so that tests can check a failure was reported.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _entries.Add(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}

/// <summary>Everything one subscriber of a host's live stream hears.</summary>
internal sealed class StreamRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<AlertEvent> _events = [];
    private Task _reading = Task.CompletedTask;

    public IReadOnlyList<AlertEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public static StreamRecorder Start(IServiceProvider host)
    {
        var recorder = new StreamRecorder();
        var stream = host.GetRequiredService<AlertEventStream>();
        var subscribed = stream.SubscriberCount;
        recorder._reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in stream.Subscribe(recorder._stop.Token))
                {
                    lock (recorder._gate)
                    {
                        recorder._events.Add(e);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Test over.
            }
        });
        SpinWait.SpinUntil(() => stream.SubscriberCount > subscribed, TimeSpan.FromSeconds(10));
        return recorder;
    }

    public async Task<IReadOnlyList<AlertEvent>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Events.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Heard {Events.Count} live events, expected {count}: "
                    + string.Join("; ", Events.Select(e => $"{e.Kind} {e.Alert.Id} v{e.Alert.Version}")));
            }

            await Task.Delay(20);
        }

        return Events;
    }

    /// <summary>Waits until an event matching <paramref name="match"/> is heard; returns everything heard up to it.</summary>
    public async Task<IReadOnlyList<AlertEvent>> WaitForAsync(Func<AlertEvent, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var events = Events;
            var at = events.ToList().FindIndex(e => match(e));
            if (at >= 0)
            {
                return [.. events.Take(at + 1)];
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("The expected live event never came: " + string.Join("; ", events.Select(e => $"{e.Kind} {e.Alert.Id} v{e.Alert.Version}")));
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
