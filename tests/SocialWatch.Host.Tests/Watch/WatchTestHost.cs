using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Scoring;
using SocialWatch.Storage;

namespace SocialWatch.Host.Tests.Watch;

/// <summary>
/// One SocialWatch worker as far as the watch list goes: the real stores of a dialect, the shipped models, ingest,
/// routing and alerts, wired by the same registrations as the host, on a fake clock. Jobs are run by the test, as
/// Hangfire would run them.
/// </summary>
internal sealed class WatchTestHost : IAsyncDisposable
{
    public const string Brand = "Acme Air";
    public const string XQueryKey = "Acme Air:x:search";

    private readonly ServiceProvider _provider;

    /// <param name="settings">Configuration on top of the storage and the X fake's (a later key wins).</param>
    public WatchTestHost(string storageProvider, string connectionString, string xBaseUrl, TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
        : this(Build(storageProvider, connectionString, xBaseUrl, settings), time)
    {
    }

    private WatchTestHost(IConfiguration configuration, TimeProvider time)
    {
        Configuration = configuration;
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(Logs));
        services.AddSingleton(time);
        services.AddSocialWatchStorage(Configuration);
        services.AddSocialWatchScoring(Configuration);
        services.AddSocialWatchIngest(Configuration);
        services.AddSocialWatchAlerts(Configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }

    /// <summary>
    /// The host's own appsettings.json (the embedded default a fresh install runs: SQLite, the demo source, the Acme Air
    /// brand), with only the database file and the model directory pointed at this test's.
    /// </summary>
    public static WatchTestHost EmbeddedDefaults(string databaseFile, TimeProvider time) => new(
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:SocialWatch"] = $"Data Source={databaseFile}",
                ["Scoring:ModelDirectory"] = Path.Combine(AppContext.BaseDirectory, "models", "current"),
            })
            .Build(),
        time);

    private static IConfiguration Build(string storageProvider, string connectionString, string xBaseUrl, IReadOnlyDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storageProvider,
            ["ConnectionStrings:SocialWatch"] = connectionString,
            ["Scoring:ModelDirectory"] = Path.Combine(AppContext.BaseDirectory, "models", "current"),
            ["Sources:X:BaseUrl"] = xBaseUrl,
            ["Sources:X:BearerToken"] = "test",

            // Retries wait on the clock, which only the test moves.
            ["Sources:X:MaxRetries"] = "0",
            ["Brands:0:Name"] = Brand,
            ["Brands:0:Handles:0"] = "AcmeAir",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public IConfiguration Configuration { get; }

    public RecordedLogs Logs { get; } = new();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public Task MigrateAsync() => Get<IStorageMaintenance>().MigrateAsync(CancellationToken.None);

    public async Task<IngestRunResult> IngestAsync(string queryKey = XQueryKey)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestJob>().RunAsync(queryKey, CancellationToken.None);
    }

    public async Task RefreshAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EngagementRefreshJob>().RunAsync(CancellationToken.None);
    }

    public Task<StoredMention?> MentionAsync(string externalId, string source = "x") =>
        Get<IMentionStore>().FindMentionAsync(source, externalId, CancellationToken.None);

    /// <summary>Every alert of the brand, open or not, by mention id (spike and operator alerts have none).</summary>
    public async Task<IReadOnlyList<Alert>> MentionAlertsAsync()
    {
        var mentions = await Get<IMentionStore>().GetMentionsAsync(new MentionQuery { Brand = Brand, Limit = 10_000 }, CancellationToken.None);
        var queries = Get<SocialWatch.Core.Workflow.IWorkflowQueries>();
        var alerts = new List<Alert>();
        foreach (var mention in mentions)
        {
            if (await queries.FindAlertForMentionAsync(mention.Id, CancellationToken.None) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        return alerts;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>Every log line of the host, for what it says to an operator.</summary>
    internal sealed class RecordedLogs : ILoggerProvider
    {
        private readonly Lock _lock = new();
        private readonly List<(LogLevel Level, string Category, string Message)> _lines = [];

        public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines
        {
            get
            {
                lock (_lock)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private void Add(LogLevel level, string category, string message)
        {
            lock (_lock)
            {
                _lines.Add((level, category, message));
            }
        }

        private sealed class Logger(RecordedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Add(logLevel, category, formatter(state, exception));
        }
    }
}

/// <summary>A fake clock that starts where a test says and is shared by every host of the test.</summary>
internal static class WatchClock
{
    public static FakeTimeProvider At(string utc) =>
        new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));
}
