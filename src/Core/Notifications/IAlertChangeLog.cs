using SocialWatch.Core.Alerts;

namespace SocialWatch.Core.Notifications;

/// <summary>
/// One committed alert change as the database recorded it: an alert_audit row (every creation and every change
/// writes one in the same transaction) joined to the alert as it is now.
/// </summary>
/// <param name="Position">The audit row's id: increasing in insertion order, but not necessarily in commit order.</param>
/// <param name="Alert">The alert as it is when the change is read, which may be newer than the change itself.</param>
public sealed record AlertChangeRecord(long Position, Alert Alert, string Actor, AlertState? From, AlertState To, DateTimeOffset At);

/// <summary>
/// Reads the alert changes every host has committed, so that each web host can tell its own browsers about changes
/// made by workers and by other web hosts.
/// </summary>
public interface IAlertChangeLog
{
    /// <summary>The highest position committed so far (0 when there is none).</summary>
    Task<long> GetLatestPositionAsync(CancellationToken cancellationToken);

    /// <summary>Changes after <paramref name="after"/>, lowest position first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertChangeRecord>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>The changes at these positions that are visible now (positions that are not are left out).</summary>
    Task<IReadOnlyList<AlertChangeRecord>> ReadPositionsAsync(IReadOnlyCollection<long> positions, CancellationToken cancellationToken);
}
