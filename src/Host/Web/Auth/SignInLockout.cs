using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Access;

namespace SocialWatch.Host.Web.Auth;

/// <summary>The outcome of asking whether a sign-in may be tried: allowed, or locked until a time.</summary>
public readonly record struct LockoutState(bool Locked, TimeSpan RetryAfter);

/// <summary>
/// Locks a user name (or a client address presenting bad API keys) after repeated failures in a row, for a time that
/// doubles with each further lock. A locked name is refused before its password is hashed, so guessing costs no CPU.
/// Each lock is written to the admin audit. The counts live in this host's memory: a restart forgives them, and on N
/// hosts an attacker gets N times the tries, each still bounded by the rate limits.
/// </summary>
public sealed class SignInLockout(IOptions<SignInOptions> options, TimeProvider time, IServiceScopeFactory scopes)
{
    private const int MaxTracked = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public LockoutState Check(string key)
    {
        var now = time.GetUtcNow();
        return _entries.TryGetValue(key, out var entry) && entry.LockedUntil > now
            ? new LockoutState(true, entry.LockedUntil - now)
            : new LockoutState(false, TimeSpan.Zero);
    }

    /// <summary>Counts a failure; returns the state after it (locked when this failure reached the threshold).</summary>
    /// <param name="threshold">Failures in a row that lock.</param>
    /// <param name="subject">What the audit names: the user name, or "API keys from …".</param>
    /// <param name="actor">Who tried, for the audit: the client address.</param>
    public async Task<LockoutState> FailedAsync(string key, int threshold, string subject, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        Prune(now);
        Entry? locked = null;
        _entries.AddOrUpdate(
            key,
            _ => Next(new Entry(0, 0, DateTimeOffset.MinValue, now)),
            (_, e) => Next(e));

        if (locked is null)
        {
            return new LockoutState(false, TimeSpan.Zero);
        }

        var length = locked.LockedUntil - now;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAdminAuditStore>().AddAsync(
            new AdminAuditEntry(0, actor, now, "sign-in", subject, "locked",
                $"{threshold} failures in a row; locked for {Describe(length)} (lock {locked.Locks} in a row)"),
            cancellationToken);
        return new LockoutState(true, length);

        Entry Next(Entry e)
        {
            // The update may run more than once under contention: only its last run decides.
            locked = null;
            if (e.LockedUntil > now)
            {
                return e with { LastFailure = now };
            }

            var failures = e.Failures + 1;
            if (failures < threshold)
            {
                return e with { Failures = failures, LastFailure = now };
            }

            var factor = Math.Pow(2, Math.Min(e.Locks, 30));
            var length = TimeSpan.FromTicks((long)Math.Min(settings.MaxLockout.Ticks, settings.Lockout.Ticks * factor));
            locked = new Entry(0, e.Locks + 1, now + length, now);
            return locked;
        }
    }

    /// <summary>A good sign-in forgives the failures and the growing lock length.</summary>
    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    private void Prune(DateTimeOffset now)
    {
        if (_entries.Count < MaxTracked)
        {
            return;
        }

        // Names sprayed and never locked are forgotten first; a lock in force is kept until it ends.
        foreach (var (key, entry) in _entries)
        {
            if (entry.LockedUntil <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private static string Describe(TimeSpan length) => length >= TimeSpan.FromMinutes(1)
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{length.TotalMinutes:0.#} min")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{length.TotalSeconds:0} s");

    private sealed record Entry(int Failures, int Locks, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);
}
