using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Host.Web.Auth;

/// <summary>Limits on password and API-key guessing, and how often a session is checked against its account.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "Web:SignIn";

    /// <summary>Sign-in posts one client address may make per <see cref="Window"/> (a shared office address makes many).</summary>
    [Range(1, 100_000)]
    public int PerAddressLimit { get; set; } = 30;

    /// <summary>Sign-in posts for one user name per <see cref="Window"/>, from any address.</summary>
    [Range(1, 100_000)]
    public int PerAccountLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    [Range(1, 1_000)]
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>The first lock's length; each further lock without a good sign-in between doubles it, up to <see cref="MaxLockout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a name's failures are remembered after its last one when no lock is in force: a quiet name starts again
    /// from the first lock's length, and names sprayed once do not pile up in the database.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan LockoutForgetAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Unknown or malformed API keys one client address may present in a row before it is locked out the same way.</summary>
    [Range(1, 100_000)]
    public int ApiKeyFailureThreshold { get; set; } = 10;

    /// <summary>
    /// How long a session's account check holds before the database is read again. Disabling a user or changing its
    /// roles reaches every host's sessions within this time; zero checks on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SessionRevalidation { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the API keys' last-used times are written (batched, off the request path).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ApiKeyUsageFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
