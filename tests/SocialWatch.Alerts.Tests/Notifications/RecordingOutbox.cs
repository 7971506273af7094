using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>Keeps what the sinks record; the claiming side is covered against real databases by the outbox contract.</summary>
internal sealed class RecordingOutbox : INotificationOutbox
{
    public List<OutboxMessage> Messages { get; } = [];

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        Messages.AddRange(messages);
        return Task.CompletedTask;
    }

    /// <summary>Alerts announced, in order.</summary>
    public List<long> Announced => [.. Keys.Select(k => k.AlertId)];

    /// <summary>Events announced (alert and key), in order.</summary>
    public List<(long AlertId, string Key)> Keys { get; } = [];

    public Task<bool> AnnounceAsync(long alertId, string key, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (Keys.Contains((alertId, key)))
        {
            return Task.FromResult(false);
        }

        Keys.Add((alertId, key));
        Messages.AddRange(messages);
        return Task.FromResult(true);
    }

    public async Task<IReadOnlyList<bool>> AnnounceAllAsync(IReadOnlyList<Announcement> announcements, CancellationToken cancellationToken)
    {
        var announced = new List<bool>();
        foreach (var a in announcements)
        {
            announced.Add(await AnnounceAsync(a.AlertId, a.Key, a.Messages, cancellationToken));
        }

        return announced;
    }

    public Task<IReadOnlySet<(long AlertId, string Key)>> FindAnnouncedAsync(IReadOnlyCollection<long> alertIds, string keyPrefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<(long AlertId, string Key)>>(
            Keys.Where(k => alertIds.Contains(k.AlertId) && k.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).ToHashSet());

    public Task<IReadOnlyList<long>> FindUnannouncedAsync(DateTimeOffset from, DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<UnannouncedReopening>> FindUnannouncedReopeningsAsync(DateTimeOffset from, DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CompleteAsync(OutboxEntry entry, DateTimeOffset at, int? status, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RetryAsync(OutboxEntry entry, DateTimeOffset at, DateTimeOffset dueAt, int? status, string error, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task GiveUpAsync(OutboxEntry entry, DateTimeOffset at, int? status, string error, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) => Task.FromResult((long)Messages.Count);
}
