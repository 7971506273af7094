namespace SocialWatch.Core.Storage;

/// <summary>Per-source bookkeeping the ingest needs across hosts: paid reads and paused sources.</summary>
public interface IIngestStateStore
{
    /// <summary>Adds <paramref name="reads"/> to the count of posts read from a source for a brand on a UTC day; returns the new total.</summary>
    Task<long> AddReadsAsync(string source, string brand, DateOnly day, long reads, CancellationToken cancellationToken);

    Task<long> GetReadsAsync(string source, string brand, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Posts read from a source for a brand over the UTC days <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<long> GetReadsBetweenAsync(string source, string brand, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Stops a source until the given time (e.g. its usage cap resets), with a reason for the operator.</summary>
    Task PauseSourceAsync(string source, DateTimeOffset until, string reason, CancellationToken cancellationToken);

    /// <summary>The time a source is paused until, or null when it may run.</summary>
    Task<SourcePause?> GetPauseAsync(string source, CancellationToken cancellationToken);
}

public sealed record SourcePause(string Source, DateTimeOffset Until, string Reason);
