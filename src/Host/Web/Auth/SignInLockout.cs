using Microsoft.Extensions.Options;
using SocialWatch.Core.Access;

namespace SocialWatch.Host.Web.Auth;

/// <summary>The outcome of asking whether a sign-in may be tried: allowed, or locked until a time.</summary>
/// <param name="Tracked">The key has failures on record, which a good sign-in then forgives.</param>
public readonly record struct LockoutState(bool Locked, TimeSpan RetryAfter, bool Tracked = false);

/// <summary>
/// Locks a user name (or a client address presenting bad API keys) after repeated failures in a row, for a time that
/// doubles with each further lock. A locked name is refused before its password is hashed, so guessing costs no CPU.
/// The records live in the database (<see cref="ISignInLockoutStore"/>): every host sees the same lock and a restart
/// forgives nothing. Each lock is written to the admin audit with the failure that started it.
/// </summary>
public sealed class SignInLockout(IOptions<SignInOptions> options, TimeProvider time, ISignInLockoutStore store)
{
    // Longer names do not exist; cutting them keeps the key inside the column and merges nothing a person would type.
    private const int MaxKeyLength = 200;
    private static readonly TimeSpan s_pruneInterval = TimeSpan.FromMinutes(10);
    private long _lastPruneTicks = long.MinValue;

    public async Task<LockoutState> CheckAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = await store.GetAsync(Normalise(key), cancellationToken);
        return record is null
            ? new LockoutState(false, TimeSpan.Zero)
            : new LockoutState(record.IsLockedAt(now), record.IsLockedAt(now) ? record.LockedUntil!.Value - now : TimeSpan.Zero, Tracked: true);
    }

    /// <summary>Counts a failure; returns the state after it (locked when this failure reached the threshold).</summary>
    /// <param name="threshold">Failures in a row that lock.</param>
    /// <param name="subject">What the audit names: the user name, or "API keys from …".</param>
    /// <param name="actor">Who tried, for the audit: the client address.</param>
    public async Task<LockoutState> FailedAsync(string key, int threshold, string subject, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        await PruneAsync(now, settings, cancellationToken);
        var outcome = await store.RecordFailureAsync(
            new SignInFailure(Normalise(key), now, threshold, settings.Lockout, settings.MaxLockout, Clip(subject), Clip(actor)),
            cancellationToken);
        return outcome.LockedNow
            ? new LockoutState(true, outcome.Record.LockedUntil!.Value - now, Tracked: true)
            : new LockoutState(false, TimeSpan.Zero, Tracked: true);
    }

    /// <summary>
    /// A good sign-in forgives the failures and the growing lock length. Only a key with failures on record is
    /// written, so a request with a good API key stays a read.
    /// </summary>
    public async Task SucceededAsync(string key, LockoutState checkedState, CancellationToken cancellationToken)
    {
        if (checkedState.Tracked)
        {
            await store.ForgetAsync(Normalise(key), cancellationToken);
        }
    }

    private async Task PruneAsync(DateTimeOffset now, SignInOptions settings, CancellationToken cancellationToken)
    {
        // Names sprayed and never locked are forgotten after a quiet day; a lock in force is kept until it ends.
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last < s_pruneInterval.Ticks || Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        await store.PruneAsync(now - settings.LockoutForgetAfter, now, cancellationToken);
    }

    private static string Normalise(string key) => Clip(key).ToLowerInvariant();

    private static string Clip(string value) => value.Length <= MaxKeyLength ? value : value[..MaxKeyLength];
}
