using Microsoft.Extensions.Logging;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Pipeline;

/// <summary>A page of raw mentions for one brand, with the cursor to commit together with it.</summary>
/// <param name="QueryKey">Key of the watch query (or of the push/replay channel) the page belongs to.</param>
/// <param name="NewCursor">Cursor to store with the page.</param>
/// <param name="ExpectedCursor">Cursor the page was read from; the store refuses the page if another run moved it.</param>
public sealed record PipelineBatch(string QueryKey, Brand Brand, IReadOnlyList<Mention> Mentions, string? NewCursor, string? ExpectedCursor);

/// <summary>
/// A page of a stream read for every brand at once (one cursor for the whole stream), each mention with the brand it
/// was matched to.
/// </summary>
public sealed record StreamBatch(string QueryKey, IReadOnlyList<BrandMention> Mentions, string? NewCursor, string? ExpectedCursor);

public sealed record BrandMention(Brand Brand, Mention Mention);

/// <param name="Received">Mentions in the page.</param>
/// <param name="Filtered">Dropped by the brand's filters or left empty by cleaning.</param>
/// <param name="Duplicates">Repeated within the page or already stored.</param>
/// <param name="Inserted">Rows the store inserted.</param>
public sealed record PipelineResult(int Received, int Filtered, int Duplicates, IReadOnlyList<StoredMention> Inserted)
{
    public int Stored => Inserted.Count;
}

/// <summary>
/// The one path every mention takes into the store, shared by the poll job, the push endpoint and the replay verb:
/// normalise, dedupe within the page, score the page in one call, store it with its cursor in one transaction,
/// then hand the new rows to the stored-handlers (routing).
/// </summary>
/// <remarks>
/// With handlers registered, the page's transaction also records a hand-over (<see cref="IHandOverStore"/>), cleared
/// once every handler has run. If a handler or the clearing fails (a database outage, a crash), the error still
/// fails the run as before, and <see cref="Jobs.HandOverRecoveryJob"/> hands the mentions over later: the cursor has
/// moved past the page, so no retry of the poll would.
/// </remarks>
public sealed class MentionPipeline(
    MentionNormalizer normalizer,
    IMentionScorer scorer,
    IMentionStore store,
    IHandOverStore handOvers,
    IEnumerable<IMentionsStoredHandler> handlers,
    ILogger<MentionPipeline> logger)
{
    private readonly IMentionsStoredHandler[] _handlers = [.. handlers];

    public Task<PipelineResult> ProcessAsync(PipelineBatch batch, CancellationToken cancellationToken) =>
        ProcessAsync(new StreamBatch(batch.QueryKey, [.. batch.Mentions.Select(m => new BrandMention(batch.Brand, m))], batch.NewCursor, batch.ExpectedCursor), cancellationToken);

    /// <summary>Each mention is normalised with its own brand's filters; the page and its cursor still commit together.</summary>
    public async Task<PipelineResult> ProcessAsync(StreamBatch batch, CancellationToken cancellationToken)
    {
        var accepted = new List<Mention>(batch.Mentions.Count);
        // A post found for two brands (the stream matches every brand at once) is one mention of each.
        var seen = new HashSet<(string, string, string)>();
        var filtered = 0;
        foreach (var (brand, raw) in batch.Mentions)
        {
            var mention = normalizer.Normalize(raw, brand);
            if (mention is null)
            {
                filtered++;
                continue;
            }

            if (seen.Add((mention.Source, mention.ExternalId, mention.Brand)))
            {
                accepted.Add(mention);
            }
        }

        if (accepted.Count == 0 && batch.NewCursor == batch.ExpectedCursor)
        {
            IngestMetrics.Count(batch.Mentions.Select(m => m.Mention), []);
            return new PipelineResult(batch.Mentions.Count, filtered, batch.Mentions.Count - filtered, []);
        }

        var scored = Score(accepted);
        StoreBatchResult result;
        try
        {
            result = await store.StoreBatchAsync(
                new IngestBatch(batch.QueryKey, scored, batch.NewCursor, batch.ExpectedCursor, HandOver: _handlers.Length > 0), cancellationToken);
        }
        catch (Exception ex) when (ex is not CursorConflictException and not OperationCanceledException)
        {
            IngestLog.StoreFailed(logger, batch.QueryKey, ex);
            throw;
        }

        IngestMetrics.Count(batch.Mentions.Select(m => m.Mention), result.Inserted.Select(m => m.Mention));
        var duplicates = batch.Mentions.Count - filtered - result.Inserted.Count;
        IngestLog.PageStored(logger, batch.QueryKey, batch.Mentions.Count, filtered, result.Inserted.Count, duplicates);
        if (result.Inserted.Count > 0)
        {
            foreach (var handler in _handlers)
            {
                await handler.OnStoredAsync(result.Inserted, cancellationToken);
            }

            if (result.HandOverId is { } handOver)
            {
                await handOvers.CompleteAsync(handOver, cancellationToken);
            }
        }

        return new PipelineResult(batch.Mentions.Count, filtered, duplicates, result.Inserted);
    }

    private List<ScoredMention> Score(List<Mention> mentions)
    {
        if (mentions.Count == 0)
        {
            return [];
        }

        var inputs = new ScoringInput[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            inputs[i] = ScoringInput.From(mentions[i]);
        }

        var scores = scorer.Score(inputs);
        if (scores.Count != mentions.Count)
        {
            throw new InvalidOperationException($"The scorer returned {scores.Count} scores for {mentions.Count} mentions.");
        }

        var scored = new List<ScoredMention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            scored.Add(new ScoredMention(mentions[i], scores[i]));
        }

        return scored;
    }
}
