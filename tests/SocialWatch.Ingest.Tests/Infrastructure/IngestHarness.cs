using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Tests.Infrastructure;

/// <summary>The ingest as the host wires it, with in-memory stores and a fixed scorer in place of the real ones.</summary>
internal sealed class IngestHarness : IDisposable
{
    public const string Brand = "Acme Air";

    private InMemoryWatchListStore? _watchList;

    private readonly bool _ownsJobStorage;

    /// <param name="store">A store shared with another harness, as two hosts share one database.</param>
    /// <param name="jobStorage">A Hangfire storage shared with another harness, as two hosts share one.</param>
    public IngestHarness(IDictionary<string, string?> settings, TimeProvider? time = null, InMemoryMentionStore? store = null, InMemoryStorage? jobStorage = null)
    {
        Store = store ?? new InMemoryMentionStore();
        JobStorage = jobStorage ?? new InMemoryStorage();
        _ownsJobStorage = jobStorage is null;
        var all = new Dictionary<string, string?>
        {
            ["Brands:0:Name"] = Brand,
            ["Brands:0:Handles:0"] = "AcmeAir",
            ["Brands:0:Keywords:0"] = "Acme Air",
            ["Brands:0:ExcludedTerms:0"] = "acme anvil",
            ["Brands:0:Subreddits:0"] = "acmeair",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        // The real directory registers the configured brands with the storage; this one stands in for both.
        services.AddOptions<SocialWatch.Core.Brands.BrandsOptions>().Bind(Configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TestBrandDirectory>();
        services.AddSingleton<SocialWatch.Core.Brands.IBrandDirectory>(sp => sp.GetRequiredService<TestBrandDirectory>());
        services.AddSingleton<IMentionStore>(Store);
        services.AddSingleton<IHandOverStore>(Store);
        services.AddSingleton<IIngestStateStore>(State);
        services.AddSingleton<IMentionScorer>(Scorer);
        services.AddSingleton<IOperatorAlerts>(OperatorAlerts);
        services.AddSingleton<IMentionsStoredHandler>(StoredHandler);
        services.AddSingleton<IWatchListStore>(WatchList);
        services.AddSingleton<IMentionsRescoredHandler>(Rescored);
        services.AddSingleton<JobStorage>(JobStorage);
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        services.AddSocialWatchIngest(Configuration);
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public IConfiguration Configuration { get; }

    public ServiceProvider Provider { get; }

    public InMemoryStorage JobStorage { get; }

    public InMemoryMentionStore Store { get; }

    public InMemoryWatchListStore WatchList => _watchList ??= new(Store);

    public RecordingRescoredHandler Rescored { get; } = new();

    public InMemoryIngestStateStore State { get; } = new();

    public CountingScorer Scorer { get; } = new();

    public RecordingOperatorAlerts OperatorAlerts { get; } = new();

    public RecordingStoredHandler StoredHandler { get; } = new();

    public ListLoggerProvider Logs { get; } = new();

    public async Task<IngestRunResult> RunAsync(string queryKey)
    {
        using var scope = Provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IngestJob>().RunAsync(queryKey, CancellationToken.None);
    }

    public async Task RefreshAsync()
    {
        using var scope = Provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EngagementRefreshJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Puts a stored mention on the watch list, due at once (what enrolment does for a complaint).</summary>
    public Task WatchAsync(SocialWatch.Core.Mentions.StoredMention mention)
    {
        var now = Get<TimeProvider>().GetUtcNow();
        return WatchList.EnrolAsync([new WatchEnrolment(mention.Id, mention.Mention.Source, mention.Mention.Brand, now, now.AddHours(48), now)], CancellationToken.None);
    }

    public TestBrandDirectory Brands => Provider.GetRequiredService<TestBrandDirectory>();

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public void Dispose()
    {
        Provider.Dispose();
        if (_ownsJobStorage)
        {
            JobStorage.Dispose();
        }
    }
}
