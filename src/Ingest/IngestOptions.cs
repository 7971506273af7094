using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest;

/// <summary>Ingest settings shared by every source.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Longer texts are cut: a mention is a post, not a document, and scoring cost grows with length.</summary>
    [Range(140, 100_000)]
    public int MaxTextLength { get; set; } = 4_000;

    /// <summary>Pages one run may read before it yields; the rest follows on the next run from the stored cursor.</summary>
    [Range(1, 1_000)]
    public int MaxPagesPerRun { get; set; } = 50;

    /// <summary>
    /// How often the watch list's refresh job runs, and the shortest refresh cadence of a watched mention (the first
    /// step of its back-off, see <see cref="Watch.WatchOptions"/>). Honoured as set, down to one second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan EngagementRefreshInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Watched mentions claimed, re-read and re-scored together per source (one page of the refresh job).</summary>
    [Range(1, 10_000)]
    public int EngagementRefreshBatch { get; set; } = 500;

    /// <summary>
    /// Age after which a page's stored-but-not-routed mentions are handed over by the recovery job (which runs every
    /// minute). Longer than routing a page ever takes, so the job never routes a page its own run is still routing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan HandOverRecoveryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest push request body accepted by <c>POST /api/mentions</c>.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxPushBodyBytes { get; set; } = 1024 * 1024;
}
