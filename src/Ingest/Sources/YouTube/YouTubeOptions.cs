using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.YouTube;

/// <summary>
/// Comments on the videos of each brand's YouTube channels (YouTube Data API v3, an API key). Registered only when
/// enabled and an API key is configured.
/// </summary>
public sealed class YouTubeOptions : SourceOptions
{
    public const string SectionName = "Sources:YouTube";

    public YouTubeOptions()
    {
        BaseUrl = new Uri("https://www.googleapis.com/youtube/v3/");

        // A Google project gets 10,000 units a day and every page costs one: ten minutes is 144 units a day per
        // channel when nothing new arrives, so one key serves several dozen channels.
        PollInterval = TimeSpan.FromMinutes(10);
    }

    /// <summary>A Google Cloud API key with the YouTube Data API v3 enabled. A secret: from configuration, never from the repository.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Comment threads per page (the API allows 1..100); a page costs one unit whatever its size.</summary>
    [Range(1, 100)]
    public int MaxResults { get; set; } = 100;

    /// <summary>
    /// Quota units this service may spend per UTC day, for every brand together (the quota belongs to the API key's
    /// project, not to a brand). When they are spent, YouTube polling pauses until the next UTC midnight. Google's
    /// default quota is 10,000 a day; set less when the project's key is used elsewhere too.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long DailyQuotaBudget { get; set; } = 10_000;

    /// <summary>How far back the very first poll of a channel reaches; later polls stop at the newest comment already read.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);
}
