namespace SocialWatch.Core.Storage;

/// <summary>Stored figures an operator's metrics scraper reads that no domain store keeps a count of.</summary>
public interface IOperationalFigures
{
    /// <summary>Mentions on the watch list: their engagement is re-read on a cadence (each re-read of an X post is billed).</summary>
    Task<long> CountWatchEntriesAsync(CancellationToken cancellationToken);
}
