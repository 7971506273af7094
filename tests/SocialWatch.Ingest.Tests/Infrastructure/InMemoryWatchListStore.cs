using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Tests.Infrastructure;

/// <summary>IWatchListStore double over the mention double, with the contract's claim and due semantics.</summary>
internal sealed class InMemoryWatchListStore(InMemoryMentionStore mentions) : IWatchListStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Entry> _entries = [];

    public IReadOnlyDictionary<long, Entry> Entries
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<long, Entry>(_entries);
            }
        }
    }

    public Task EnrolAsync(IReadOnlyList<WatchEnrolment> enrolments, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var e in enrolments)
            {
                _entries.TryAdd(e.MentionId, new Entry(e.Source, e.Brand, e.EnrolledAt, e.WatchUntil, e.EnrolledAt, e.FirstDueAt, null, null, 0));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ClaimedWatchEntry>> ClaimDueAsync(
        string source, string? brand, DateTimeOffset now, DateTimeOffset dueBy, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var due = _entries
                .Where(p => p.Value.Source == source && (brand is null || p.Value.Brand == brand) && p.Value.NextDueAt <= dueBy && p.Value.WatchUntil > now
                    && (p.Value.ClaimedUntil is null || p.Value.ClaimedUntil <= now))
                .OrderBy(p => p.Value.NextDueAt)
                .Take(limit)
                .ToList();
            var byId = mentions.Mentions.ToDictionary(m => m.Id);
            var claimed = new List<ClaimedWatchEntry>(due.Count);
            foreach (var (id, entry) in due)
            {
                _entries[id] = entry with { ClaimedUntil = claimUntil };
                claimed.Add(new ClaimedWatchEntry(byId[id], entry.EnrolledAt, entry.WatchUntil, entry.CadenceFrom, entry.LastRefreshedAt, entry.Refreshes));
            }

            return Task.FromResult<IReadOnlyList<ClaimedWatchEntry>>(claimed);
        }
    }

    public async Task RecordRefreshAsync(IReadOnlyList<WatchRefresh> refreshes, CancellationToken cancellationToken)
    {
        await mentions.AddSnapshotsAsync([.. refreshes.Select(r => new EngagementSnapshot(r.MentionId, r.At, r.Metrics))], cancellationToken);
        lock (_lock)
        {
            foreach (var r in refreshes)
            {
                if (r.Score is { } score)
                {
                    mentions.SetScore(r.MentionId, score);
                }

                var entry = _entries[r.MentionId];
                _entries[r.MentionId] = entry with
                {
                    CadenceFrom = r.CadenceFrom, NextDueAt = r.NextDueAt, ClaimedUntil = null, LastRefreshedAt = r.At, Refreshes = entry.Refreshes + 1,
                };
            }
        }
    }

    public Task ReleaseAsync(IReadOnlyList<long> mentionIds, DateTimeOffset nextDueAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in mentionIds)
            {
                _entries[id] = _entries[id] with { ClaimedUntil = null, NextDueAt = nextDueAt };
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in mentionIds)
            {
                _entries.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var expired = _entries.Where(p => p.Value.WatchUntil <= now).Select(p => p.Key).ToList();
            expired.ForEach(id => _entries.Remove(id));
            return Task.FromResult(expired.Count);
        }
    }

    /// <summary>Complaints by the author to the brand on the source, counted from the mention double.</summary>
    public Task<IReadOnlyList<AuthorHistory>> GetAuthorHistoriesAsync(
        IReadOnlyList<AuthorHistoryRequest> requests, float minComplaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = mentions.Mentions;
        IReadOnlyList<AuthorHistory> result = [.. requests.Select(r =>
        {
            var earlier = all.Where(m => m.Id != r.MentionId && r.AuthorId.Length > 0 && m.Mention.Author.Id == r.AuthorId && m.Mention.Source == r.Source
                && m.Mention.Brand == r.Brand && m.Score?.Complaint >= minComplaint && m.Mention.CreatedAt <= now).ToList();
            return new AuthorHistory(
                earlier.Count(m => m.Mention.CreatedAt >= now.AddDays(-7)), earlier.Count(m => m.Mention.CreatedAt >= now.AddDays(-30)), 0);
        })];
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<WatchEntryCadence>> GetCadencesAsync(string brand, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<WatchEntryCadence> result = [.. _entries.Values
                .Where(e => e.Brand == brand && e.WatchUntil > now)
                .Select(e => new WatchEntryCadence(e.Source, e.CadenceFrom, e.NextDueAt, e.WatchUntil))];
            return Task.FromResult(result);
        }
    }

    internal sealed record Entry(
        string Source, string Brand, DateTimeOffset EnrolledAt, DateTimeOffset WatchUntil, DateTimeOffset CadenceFrom, DateTimeOffset NextDueAt,
        DateTimeOffset? ClaimedUntil, DateTimeOffset? LastRefreshedAt, int Refreshes);
}
