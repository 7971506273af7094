namespace SocialWatch.Ingest;

/// <summary>A source answered with something that cannot be used: an error status, malformed or truncated JSON.</summary>
public sealed class SourceResponseException : Exception
{
    public SourceResponseException(string source, string what, string message, Exception? innerException = null)
        : base($"{source}: {what}: {message}", innerException)
    {
        SourceName = source;
        What = what;
    }

    /// <summary>The source's name ("x", "reddit"...).</summary>
    public string SourceName { get; }

    /// <summary>The request it was about, e.g. the query key or the endpoint.</summary>
    public string What { get; }
}

/// <summary>The source's rate-limit window resets later than one job run may wait; the job fails and is retried.</summary>
public sealed class RateLimitedException(string source, DateTimeOffset resetsAt, TimeSpan wait)
    : Exception($"{source}: rate limited until {resetsAt:u} ({wait:g} away, longer than this run may wait); the job fails and is retried later.")
{
    public string SourceName { get; } = source;
    public DateTimeOffset ResetsAt { get; } = resetsAt;
}

/// <summary>
/// The source refuses further reads until a billing period ends (X "UsageCapExceeded"). Retrying is pointless:
/// the ingest pauses the source until <see cref="Until"/> and raises an operator alert.
/// </summary>
public sealed class UsageCapExceededException(string source, DateTimeOffset until, string detail)
    : Exception($"{source}: usage cap exceeded until {until:u}: {detail}")
{
    public string SourceName { get; } = source;
    public DateTimeOffset Until { get; } = until;
    public string Detail { get; } = detail;
}
