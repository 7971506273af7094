using SocialWatch.Core.Access;
using SocialWatch.Core.Retention;

namespace SocialWatch.Alerts.Tests.Retention;

internal sealed class InMemoryRetentionStore : IRetentionStore, IDataAuditLog, IAdminAuditStore
{
    public Dictionary<string, List<DateTimeOffset>> MentionsByBrand { get; } = [];
    public Dictionary<(string Source, string Author), int> MentionsByAuthor { get; } = [];
    public Dictionary<(string Source, string Handle), List<string>> IdsByHandle { get; } = [];
    public List<DataAuditEntry> Audit { get; } = [];
    public List<AdminAuditEntry> AdminAudit { get; } = [];
    public int PurgeCalls { get; private set; }
    public int EraseCalls { get; private set; }

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

    public Task<IReadOnlyList<string>> FindAuthorIdsAsync(string source, string author, CancellationToken cancellationToken)
    {
        var handle = author.TrimStart('@').ToLowerInvariant();
        IReadOnlyList<string> ids = MentionsByAuthor.ContainsKey((source, author))
            ? [author]
            : IdsByHandle.GetValueOrDefault((source, handle)) ?? [];
        return Task.FromResult(ids);
    }

    public Task<AuthorDataCounts> CountAuthorDataAsync(string source, string authorId, CancellationToken cancellationToken) =>
        Task.FromResult(AuthorDataCounts.None with { Mentions = MentionsByAuthor.GetValueOrDefault((source, authorId)) });

    public Task<AuthorDataCounts> EraseAuthorAsync(string source, string authorId, CancellationToken cancellationToken)
    {
        EraseCalls++;
        MentionsByAuthor.Remove((source, authorId), out var count);
        return Task.FromResult(AuthorDataCounts.None with { Mentions = count });
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

    public Task AddAsync(AdminAuditEntry entry, CancellationToken cancellationToken)
    {
        AdminAudit.Add(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AdminAuditEntry>> GetLatestAsync(int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<AdminAuditEntry> list = [.. Enumerable.Reverse(AdminAudit).Take(limit)];
        return Task.FromResult(list);
    }
}
