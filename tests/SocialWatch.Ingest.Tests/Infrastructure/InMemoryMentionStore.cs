using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Tests.Infrastructure;

/// <summary>
/// IMentionStore double with the contract's semantics: dedupe on (source, external id), cursor compare-and-set,
/// all-or-nothing batches, hand-overs recorded with the batch. <see cref="FailNextStores"/> makes the next commits
/// throw, like a database that went away.
/// </summary>
internal sealed class InMemoryMentionStore : IMentionStore, IHandOverStore
{
    private readonly Dictionary<long, PendingHandOver> _handOvers = [];
    private long _nextHandOverId = 1;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string?> _cursors = new(StringComparer.Ordinal);
    private readonly List<StoredMention> _mentions = [];
    private readonly List<EngagementSnapshot> _snapshots = [];
    private long _nextId = 1;

    public int FailNextStores { get; set; }

    /// <summary>Zero-based number of the StoreBatchAsync call that throws, like a crash between fetch and commit.</summary>
    public int? FailOnCall { get; set; }

    /// <summary>Runs inside the next StoreBatchAsync before the cursor check (another host committing first), then clears.</summary>
    public Action? BeforeNextStore { get; set; }

    public int StoreCalls { get; private set; }

    public List<IngestBatch> Batches { get; } = [];

    public HashSet<long> OpenAlertMentionIds { get; } = [];

    public IReadOnlyList<StoredMention> Mentions
    {
        get
        {
            lock (_lock)
            {
                return [.. _mentions];
            }
        }
    }

    public IReadOnlyList<EngagementSnapshot> Snapshots
    {
        get
        {
            lock (_lock)
            {
                return [.. _snapshots];
            }
        }
    }

    public void SetCursor(string queryKey, string? cursor)
    {
        lock (_lock)
        {
            _cursors[queryKey] = cursor;
        }
    }

    public Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        var before = BeforeNextStore;
        BeforeNextStore = null;
        before?.Invoke();
        lock (_lock)
        {
            if (FailOnCall == StoreCalls++)
            {
                throw new InvalidOperationException("The host crashed between fetch and commit.");
            }

            if (FailNextStores > 0)
            {
                FailNextStores--;
                throw new InvalidOperationException("The database connection was lost.");
            }

            var stored = _cursors.GetValueOrDefault(batch.QueryKey);
            if (stored != batch.ExpectedCursor)
            {
                throw new CursorConflictException(batch.QueryKey);
            }

            var inserted = new List<StoredMention>();
            foreach (var scored in batch.Mentions)
            {
                if (_mentions.Exists(m => m.Mention.Source == scored.Mention.Source && m.Mention.ExternalId == scored.Mention.ExternalId
                    && string.Equals(m.Mention.Brand, scored.Mention.Brand, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var row = new StoredMention(_nextId++, scored.Mention, scored.Score, Redacted: false);
                _mentions.Add(row);
                inserted.Add(row);
            }

            _cursors[batch.QueryKey] = batch.NewCursor;
            Batches.Add(batch);
            long? handOver = null;
            if (batch.HandOver && inserted.Count > 0)
            {
                handOver = _nextHandOverId++;
                _handOvers[handOver.Value] = new PendingHandOver(handOver.Value, [.. inserted.Select(m => m.Id)], StoredAt);
            }

            return Task.FromResult(new StoreBatchResult(batch.Mentions.Count, inserted, handOver));
        }
    }

    /// <summary>The time recorded on new hand-overs.</summary>
    public DateTimeOffset StoredAt { get; set; } = DateTimeOffset.UnixEpoch;

    public IReadOnlyList<PendingHandOver> PendingHandOvers
    {
        get
        {
            lock (_lock)
            {
                return [.. _handOvers.Values.OrderBy(h => h.Id)];
            }
        }
    }

    public Task CompleteAsync(long handOverId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _handOvers.Remove(handOverId);
            return Task.CompletedTask;
        }
    }

    public Task RecordFailureAsync(long handOverId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_handOvers.TryGetValue(handOverId, out var handOver))
            {
                _handOvers[handOverId] = handOver with { Attempts = handOver.Attempts + 1 };
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<PendingHandOver>> GetPendingAsync(DateTimeOffset storedBefore, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<PendingHandOver>>(
                [.. _handOvers.Values.Where(h => h.StoredAt < storedBefore).OrderBy(h => h.Attempts).ThenBy(h => h.Id).Take(limit)]);
        }
    }

    public Task<string?> GetCursorAsync(string queryKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_cursors.GetValueOrDefault(queryKey));
        }
    }

    public Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_mentions.Find(m => m.Id == id));
        }
    }

    public Task<StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken) =>
        FindMentionAsync(source, externalId, brand: null, cancellationToken);

    public Task<StoredMention?> FindMentionAsync(string source, string externalId, string? brand, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_mentions.Find(m => m.Mention.Source == source && m.Mention.ExternalId == externalId
                && (brand is null || string.Equals(m.Mention.Brand, brand, StringComparison.OrdinalIgnoreCase))));
        }
    }

    public Task<IReadOnlyList<StoredMention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredMention> result = _mentions
                .Where(m => query.Brand is null || m.Mention.Brand == query.Brand)
                .Where(m => query.Source is null || m.Mention.Source == query.Source)
                .OrderByDescending(m => m.Id)
                .Take(query.Limit)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredMention> result = _mentions
                .Where(m => m.Mention.Source == source && OpenAlertMentionIds.Contains(m.Id))
                .Take(limit)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task AddSnapshotsAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _snapshots.AddRange(snapshots);
            foreach (var snapshot in snapshots)
            {
                var index = _mentions.FindIndex(m => m.Id == snapshot.MentionId);
                _mentions[index] = _mentions[index] with { Mention = _mentions[index].Mention with { Metrics = snapshot.Metrics } };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>What the watch list's refresh writes onto the mention besides its snapshot.</summary>
    public void SetScore(long mentionId, SocialWatch.Core.Scoring.MentionScore score)
    {
        lock (_lock)
        {
            var index = _mentions.FindIndex(m => m.Id == mentionId);
            _mentions[index] = _mentions[index] with { Score = score };
        }
    }

    public Task<IReadOnlyList<EngagementSnapshot>> GetSnapshotsAsync(long mentionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<EngagementSnapshot> result = _snapshots.Where(s => s.MentionId == mentionId).OrderBy(s => s.At).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var count = 0;
            for (var i = 0; i < _mentions.Count; i++)
            {
                var m = _mentions[i];
                if (m.Mention.Source == source && externalIds.Contains(m.Mention.ExternalId) && !m.Redacted)
                {
                    _mentions[i] = m with { Redacted = true, Mention = m.Mention with { Text = "", Author = MentionAuthor.Unknown } };
                    count++;
                }
            }

            return Task.FromResult(count);
        }
    }
}
