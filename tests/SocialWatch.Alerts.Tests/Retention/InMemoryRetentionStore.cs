using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Retention;

namespace SocialWatch.Alerts.Tests.Retention;

internal sealed class InMemoryRetentionStore : IRetentionStore, IDataAuditLog
{
    public Dictionary<string, List<DateTimeOffset>> MentionsByBrand { get; } = [];
    public Dictionary<(string Source, string Author), int> MentionsByAuthor { get; } = [];
    public List<DataAuditEntry> Audit { get; } = [];
    public int PurgeCalls { get; private set; }

    public Task<int> PurgeMentionsAsync(string brand, DateTimeOffset createdBefore, int batchSize, CancellationToken cancellationToken)
    {
        PurgeCalls++;
        var list = MentionsByBrand.GetValueOrDefault(brand) ?? [];
        var old = list.Where(c => c < createdBefore).Take(batchSize).ToList();
        foreach (var c in old)
        {
            list.Remove(c);
        }

        return Task.FromResult(old.Count);
    }

    public Task<int> EraseAuthorAsync(string source, string authorId, CancellationToken cancellationToken)
    {
        MentionsByAuthor.Remove((source, authorId), out var count);
        return Task.FromResult(count);
    }

    public Task AddAsync(DataAuditEntry entry, CancellationToken cancellationToken)
    {
        Audit.Add(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DataAuditEntry>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<DataAuditEntry> list = [.. Audit.Where(a => a.At >= since).Take(limit)];
        return Task.FromResult(list);
    }
}
