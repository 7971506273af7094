using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Fakes;

/// <summary>Mention store double: only what the workflow reads (mentions by id, snapshots).</summary>
internal sealed class InMemoryMentionStore : IMentionStore
{
    private readonly Dictionary<long, StoredMention> _mentions = [];
    private readonly List<EngagementSnapshot> _snapshots = [];

    public void Add(StoredMention mention) => _mentions[mention.Id] = mention;

    public Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(_mentions.GetValueOrDefault(id));

    public Task AddSnapshotsAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
    {
        _snapshots.AddRange(snapshots);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EngagementSnapshot>> GetSnapshotsAsync(long mentionId, CancellationToken cancellationToken)
    {
        IReadOnlyList<EngagementSnapshot> list = [.. _snapshots.Where(s => s.MentionId == mentionId).OrderBy(s => s.At)];
        return Task.FromResult(list);
    }

    public Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> GetCursorAsync(string queryKey, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredMention?> FindMentionAsync(string source, string externalId, string? brand, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<StoredMention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken) => throw new NotSupportedException();

    internal StoredMention? Find(long id) => _mentions.GetValueOrDefault(id);
}
