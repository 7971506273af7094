using System.Globalization;
using Hangfire;

namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// Who runs a long-lived stream consumer: one holder cluster-wide, renewed while it runs and taken over by another
/// host once its holder stops renewing (a dead host) or lets go (a clean shutdown).
/// </summary>
public interface IStreamLease
{
    /// <summary>Takes the lease if it is free or expired, or renews it if <paramref name="owner"/> holds it; false when another owner holds it.</summary>
    bool TryHold(string name, string owner, TimeSpan duration);

    /// <summary>Lets go of the lease at once if <paramref name="owner"/> holds it, so that a standby host need not wait for it to expire.</summary>
    void Release(string name, string owner);
}

/// <summary>
/// The lease as a Hangfire hash (owner and expiry) changed only under a short Hangfire distributed lock, so it works on
/// every Hangfire storage alike. A held distributed lock is not used as the lease itself: on some storages a lock
/// whose holder died is only freed after the storage's own lock timeout (minutes), while a stream should be taken over
/// within a minute. Hosts' clocks are compared through the expiry, so they must
/// agree to well within the lease duration (NTP does). The stream's own cursor check in the store fences a holder that
/// paused past its expiry.
/// </summary>
public sealed class HangfireStreamLease(JobStorage storage, TimeProvider time) : IStreamLease
{
    private const string OwnerField = "owner";
    private const string ExpiresField = "expires";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    public bool TryHold(string name, string owner, TimeSpan duration)
    {
        using var connection = storage.GetConnection();
        using var held = connection.AcquireDistributedLock("lease-lock:" + name, LockTimeout);
        var key = Key(name);
        var entries = connection.GetAllEntriesFromHash(key);
        var now = time.GetUtcNow();
        if (entries is not null && entries.TryGetValue(OwnerField, out var current) && current != owner
            && entries.TryGetValue(ExpiresField, out var expires)
            && DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until) && until > now)
        {
            return false;
        }

        connection.SetRangeInHash(key,
        [
            new(OwnerField, owner),
            new(ExpiresField, (now + duration).ToString("O", CultureInfo.InvariantCulture)),
        ]);
        return true;
    }

    public void Release(string name, string owner)
    {
        using var connection = storage.GetConnection();
        using var held = connection.AcquireDistributedLock("lease-lock:" + name, LockTimeout);
        var key = Key(name);
        var entries = connection.GetAllEntriesFromHash(key);
        if (entries is not null && entries.TryGetValue(OwnerField, out var current) && current == owner)
        {
            connection.SetRangeInHash(key, [new(ExpiresField, DateTimeOffset.UnixEpoch.ToString("O", CultureInfo.InvariantCulture))]);
        }
    }

    private static string Key(string name) => "stream-lease:" + name;
}

/// <summary>The lease for compositions without Hangfire (one process): the same rules, held in memory.</summary>
public sealed class ProcessStreamLease(TimeProvider time) : IStreamLease
{
    private readonly Dictionary<string, (string Owner, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);

    public bool TryHold(string name, string owner, TimeSpan duration)
    {
        lock (_leases)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(name, out var lease) && lease.Owner != owner && lease.Until > now)
            {
                return false;
            }

            _leases[name] = (owner, now + duration);
            return true;
        }
    }

    public void Release(string name, string owner)
    {
        lock (_leases)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Owner == owner)
            {
                _leases.Remove(name);
            }
        }
    }
}
