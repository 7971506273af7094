using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// Hands over (routes) mentions whose page was stored but whose run failed or stopped before routing finished: the
/// hand-overs still pending after <see cref="IngestOptions.HandOverRecoveryAfter"/>. Routing skips a mention that
/// already has its alert or already reopened a case (the reopening audit row names it), so a page that was routed but
/// not cleared is handed over again without a second alert.
/// </summary>
public sealed class HandOverRecoveryJob(
    IHandOverStore handOvers,
    IMentionStore store,
    IEnumerable<IMentionsStoredHandler> handlers,
    IQueryRunGate gate,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<HandOverRecoveryJob> logger)
{
    /// <summary>Hand-overs read per run; the rest follow on the next run.</summary>
    public const int BatchSize = 50;

    // Not a query key (those always contain ':'), so it never shares a lock with a poll.
    private const string GateKey = "(handover-recovery)";

    /// <summary>
    /// Recovers pending hand-overs; returns how many it cleared. Skipped at once (returns 0) while another run, on any
    /// host, is still going. Fails at the end if one could not be handed over; that one is counted and read last.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var held = gate.TryEnter(GateKey);
        if (held is null)
        {
            return 0;
        }

        var pending = await handOvers.GetPendingAsync(time.GetUtcNow() - options.Value.HandOverRecoveryAfter, BatchSize, cancellationToken);
        var cleared = 0;
        var failures = new List<Exception>();
        foreach (var handOver in pending)
        {
            try
            {
                var mentions = new List<StoredMention>(handOver.MentionIds.Count);
                foreach (var id in handOver.MentionIds)
                {
                    // Gone since (erasure, retention): nothing left to route.
                    if (await store.GetMentionAsync(id, cancellationToken) is { } mention)
                    {
                        mentions.Add(mention);
                    }
                }

                if (mentions.Count > 0)
                {
                    foreach (var handler in handlers)
                    {
                        await handler.OnStoredAsync(mentions, cancellationToken);
                    }
                }

                await handOvers.CompleteAsync(handOver.Id, cancellationToken);
                IngestLog.HandOverRecovered(logger, mentions.Count, handOver.Id, handOver.StoredAt);
                cleared++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One page failing (a routing bug for one mention) must not hold back the others: it is counted, and
                // pending hand-overs are read least-tried first.
                IngestLog.HandOverFailed(logger, handOver.Id, ex);
                failures.Add(ex);
                await handOvers.RecordFailureAsync(handOver.Id, cancellationToken);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of {pending.Count} pending hand-over(s) could not be handed over.", failures);
        }

        return cleared;
    }
}
