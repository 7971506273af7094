using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Tests.Infrastructure;

internal sealed class InMemoryIngestStateStore : IIngestStateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string, DateOnly), long> _reads = [];
    private readonly Dictionary<string, SourcePause> _pauses = [];

    public Task<long> AddReadsAsync(string source, string brand, DateOnly day, long reads, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var total = _reads.GetValueOrDefault((source, brand, day)) + reads;
            _reads[(source, brand, day)] = total;
            return Task.FromResult(total);
        }
    }

    public Task<long> GetReadsAsync(string source, string brand, DateOnly day, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_reads.GetValueOrDefault((source, brand, day)));
        }
    }

    public Task<long> GetReadsBetweenAsync(string source, string brand, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_reads.Where(r => r.Key.Item1 == source && r.Key.Item2 == brand && r.Key.Item3 >= from && r.Key.Item3 <= to).Sum(r => r.Value));
        }
    }

    public Task PauseSourceAsync(string source, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _pauses[source] = new SourcePause(source, until, reason);
            return Task.CompletedTask;
        }
    }

    public Task<SourcePause?> GetPauseAsync(string source, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_pauses.GetValueOrDefault(source));
        }
    }
}

internal sealed class RecordingOperatorAlerts : IOperatorAlerts
{
    public List<(string Source, string Message)> Raised { get; } = [];

    public Task RaiseAsync(string source, string message, CancellationToken cancellationToken)
    {
        Raised.Add((source, message));
        return Task.CompletedTask;
    }
}

internal sealed class RecordingStoredHandler : IMentionsStoredHandler
{
    public List<StoredMention> Received { get; } = [];

    /// <summary>The next calls throw, like routing when the database has gone away.</summary>
    public int FailNextCalls { get; set; }

    /// <summary>Calls with a mention of this external id throw, like a routing bug for one mention.</summary>
    public string? FailFor { get; set; }

    public Task OnStoredAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        if (FailNextCalls > 0)
        {
            FailNextCalls--;
            throw new InvalidOperationException("The database connection was lost while routing.");
        }

        if (FailFor is { } poison && mentions.Any(m => m.Mention.ExternalId == poison))
        {
            throw new InvalidOperationException($"Routing mention {poison} failed.");
        }

        Received.AddRange(mentions);
        return Task.CompletedTask;
    }
}

/// <summary>Gives every mention a fixed neutral score and records the batch sizes it was called with.</summary>
internal sealed class CountingScorer : IMentionScorer
{
    public string ModelVersion => "test";

    public List<int> BatchSizes { get; } = [];

    public List<ScoringInput> Inputs { get; } = [];

    public IReadOnlyList<MentionScore> Score(IReadOnlyList<ScoringInput> inputs)
    {
        BatchSizes.Add(inputs.Count);
        Inputs.AddRange(inputs);
        return inputs.Select(_ => new MentionScore(
            new SentimentScore(SentimentLabel.Neutral, 0.2f, 0.6f, 0.2f),
            0.1f,
            new EscalationScore(0.05f, EscalationLevel.Low, []),
            ModelVersion)).ToList();
    }
}

/// <summary>
/// The directory as the ingest sees it in these tests: the validated <c>Brands</c> configuration plus brands a test adds
/// (as an admin would store them). The real, cached directory over the brand store is tested with the Alerts.
/// </summary>
internal sealed class TestBrandDirectory(Microsoft.Extensions.Options.IOptionsMonitor<SocialWatch.Core.Brands.BrandsOptions> configured) : SocialWatch.Core.Brands.IBrandDirectory
{
    private readonly List<SocialWatch.Core.Brands.Brand> _added = [];

    public int Invalidations { get; private set; }

    public void Add(SocialWatch.Core.Brands.Brand brand) => _added.Add(brand);

    public void Remove(string name) => _added.RemoveAll(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    public ValueTask<SocialWatch.Core.Brands.BrandSet> GetAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SocialWatch.Core.Brands.BrandSet([.. configured.CurrentValue.Brands.Concat(_added).Select(b => new SocialWatch.Core.Brands.BrandEntry(b, null))]));

    public void Invalidate() => Invalidations++;
}

/// <summary>Records what the refresh job hands to the re-score handlers (alerting).</summary>
internal sealed class RecordingRescoredHandler : IMentionsRescoredHandler
{
    public List<RescoredMention> Received { get; } = [];

    public Task OnRescoredAsync(IReadOnlyList<RescoredMention> mentions, CancellationToken cancellationToken)
    {
        Received.AddRange(mentions);
        return Task.CompletedTask;
    }
}
