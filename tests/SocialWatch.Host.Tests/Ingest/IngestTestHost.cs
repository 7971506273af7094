using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Storage;

namespace SocialWatch.Host.Tests.Ingest;

/// <summary>One SocialWatch host as far as ingest goes: the real stores of a dialect, the ingest, an X fake's URL.</summary>
internal sealed class IngestTestHost : IAsyncDisposable
{
    public const string Brand = "Acme Air";
    public const string XQueryKey = "Acme Air:x:search";

    private readonly ServiceProvider _provider;

    public IngestTestHost(string storageProvider, string connectionString, string xBaseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storageProvider,
            ["ConnectionStrings:SocialWatch"] = connectionString,
            ["Sources:X:BaseUrl"] = xBaseUrl,
            ["Sources:X:BearerToken"] = "test",
            ["Sources:X:RetryBaseDelay"] = "00:00:00.010",
            ["Sources:X:MaxRetries"] = "1",
            ["Brands:0:Name"] = Brand,
            ["Brands:0:Handles:0"] = "AcmeAir",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchIngest(configuration);
        services.AddSingleton<IMentionScorer, FixedScorer>();
        services.AddSingleton<IOperatorAlerts>(OperatorAlerts);
        services.AddSingleton<IMentionsStoredHandler>(Routed);
        _provider = services.BuildServiceProvider();
    }

    public RecordedOperatorAlerts OperatorAlerts { get; } = new();

    public RoutedMentions Routed { get; } = new();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public Task MigrateAsync() => Get<IStorageMaintenance>().MigrateAsync(CancellationToken.None);

    public async Task<IngestRunResult> RunAsync(string queryKey = XQueryKey)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestJob>().RunAsync(queryKey, CancellationToken.None);
    }

    public async Task RefreshAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EngagementRefreshJob>().RunAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>What routing would receive: every newly stored mention, once.</summary>
    internal sealed class RoutedMentions : IMentionsStoredHandler
    {
        private readonly Lock _lock = new();
        private readonly List<StoredMention> _received = [];

        public IReadOnlyList<StoredMention> Received
        {
            get
            {
                lock (_lock)
                {
                    return [.. _received];
                }
            }
        }

        public Task OnStoredAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _received.AddRange(mentions);
            }

            return Task.CompletedTask;
        }
    }

    internal sealed class RecordedOperatorAlerts : IOperatorAlerts
    {
        public List<string> Messages { get; } = [];

        public Task RaiseAsync(string source, string message, CancellationToken cancellationToken)
        {
            Messages.Add($"{source}: {message}");
            return Task.CompletedTask;
        }
    }

    private sealed class FixedScorer : IMentionScorer
    {
        public string ModelVersion => "fixed";

        public IReadOnlyList<MentionScore> Score(IReadOnlyList<ScoringInput> inputs) =>
            inputs.Select(i => new MentionScore(
                new SentimentScore(SentimentLabel.Negative, 0.7f, 0.2f, 0.1f),
                0.8f,
                new EscalationScore(0.5f, EscalationLevel.Medium, [new Reason("test", "test", 1f)]),
                ModelVersion)).ToList();
    }
}

/// <summary>Bodies shaped like the X API v2 reference.</summary>
internal static class XPages
{
    public static string Search(IEnumerable<string> ids, string? nextToken)
    {
        var list = ids.ToList();
        var meta = new JsonObject { ["result_count"] = list.Count };
        if (list.Count == 0)
        {
            return new JsonObject { ["meta"] = meta }.ToJsonString();
        }

        meta["newest_id"] = list.Max();
        meta["oldest_id"] = list.Min();
        if (nextToken is not null)
        {
            meta["next_token"] = nextToken;
        }

        var posts = new JsonArray(list.Select(id => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["text"] = "@AcmeAir complaint " + id,
            ["author_id"] = "u1",
            ["created_at"] = "2026-11-24T05:00:00.000Z",
            ["lang"] = "en",
            ["public_metrics"] = new JsonObject { ["retweet_count"] = 1, ["reply_count"] = 2, ["like_count"] = 3, ["quote_count"] = 0 },
        }).ToArray());
        var users = new JsonArray(new JsonObject
        {
            ["id"] = "u1",
            ["username"] = "marta",
            ["name"] = "Marta",
            ["verified"] = false,
            ["public_metrics"] = new JsonObject { ["followers_count"] = 120 },
        });
        return new JsonObject { ["data"] = posts, ["includes"] = new JsonObject { ["users"] = users }, ["meta"] = meta }.ToJsonString();
    }
}
