using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest;

/// <summary>Settings every polled source shares: whether it runs, how often, and how hard it retries.</summary>
public abstract class SourceOptions
{
    /// <summary>A source that is disabled (or lacks credentials) is not registered at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Root of the source's API; requests use paths relative to it.</summary>
    public Uri? BaseUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries of a request after a 5xx, a timeout or a 429 inside the wait bound.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay for 5xx and network errors; doubles per attempt with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest wait for a rate-limit window to reset inside one job run. A longer wait fails the job
    /// with a clear error instead, so a worker thread is not parked for many minutes; Hangfire retries later.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:15:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body read; a larger one fails the request instead of filling memory.</summary>
    [Range(1_024, 512 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;
}
