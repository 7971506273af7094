namespace SocialWatch.Core.Access;

/// <summary>
/// The failure record of one user name, or of one client address presenting bad API keys, as every host sees it.
/// </summary>
/// <param name="Failures">Failures in a row since the last lock ended (or since the first failure).</param>
/// <param name="Locks">Locks in a row without a good sign-in between: each doubles the next lock's length.</param>
/// <param name="LockedUntil">When the lock in force ends; null when the key is not locked.</param>
public sealed record SignInLockoutRecord(string Key, int Failures, int Locks, DateTimeOffset? LockedUntil, DateTimeOffset LastFailureAt)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>One failed try to count, with the policy that decides whether it locks and what the lock's audit row says.</summary>
/// <param name="Subject">What the audit names: the user name, or "API keys from …".</param>
/// <param name="Actor">Who tried, for the audit: the client address.</param>
public sealed record SignInFailure(string Key, DateTimeOffset At, int Threshold, TimeSpan FirstLock, TimeSpan MaxLock, string Subject, string Actor)
{
    /// <summary>The record after this failure: counted, or locked for a length that doubles with each lock in a row.</summary>
    public SignInLockoutRecord Apply(SignInLockoutRecord? current)
    {
        var record = current ?? new SignInLockoutRecord(Key, 0, 0, null, At);
        if (record.IsLockedAt(At))
        {
            return record with { LastFailureAt = At };
        }

        var failures = record.Failures + 1;
        if (failures < Threshold)
        {
            return record with { Failures = failures, LockedUntil = null, LastFailureAt = At };
        }

        var factor = Math.Pow(2, Math.Min(record.Locks, 30));
        var length = TimeSpan.FromTicks((long)Math.Min(MaxLock.Ticks, FirstLock.Ticks * factor));
        return new SignInLockoutRecord(Key, 0, record.Locks + 1, At + length, At);
    }

    /// <summary>The lock's admin-audit row.</summary>
    public AdminAuditEntry AuditEntry(SignInLockoutRecord locked)
    {
        var length = (locked.LockedUntil ?? At) - At;
        var described = length >= TimeSpan.FromMinutes(1)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{length.TotalMinutes:0.#} min")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{length.TotalSeconds:0} s");
        return new AdminAuditEntry(0, Actor, At, "sign-in", Subject, "locked",
            $"{Threshold} failures in a row; locked for {described} (lock {locked.Locks} in a row)");
    }
}

/// <summary>What counting a failure did: the record as stored, and whether this failure is the one that locked it.</summary>
public sealed record SignInFailureOutcome(SignInLockoutRecord Record, bool LockedNow);

/// <summary>
/// Sign-in and API-key failure records in the database, so that a lock holds on every host and survives a restart.
/// Counting is atomic across hosts: two hosts counting the same name's failures at once never lose one.
/// </summary>
public interface ISignInLockoutStore
{
    Task<SignInLockoutRecord?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the failure under the record's row lock; a failure that locks writes its admin-audit row (area "sign-in",
    /// action "locked") in the same transaction.
    /// </summary>
    Task<SignInFailureOutcome> RecordFailureAsync(SignInFailure failure, CancellationToken cancellationToken);

    /// <summary>A good sign-in forgives the failures and the growing lock length.</summary>
    Task ForgetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets records whose last failure is before <paramref name="before"/> and that hold no lock at <paramref name="now"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, DateTimeOffset now, CancellationToken cancellationToken);
}
