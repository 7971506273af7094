using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.Reddit;

/// <summary>Reddit's OAuth API (application-only, client credentials). Registered only when enabled and credentials are set.</summary>
public sealed class RedditOptions : SourceOptions
{
    public const string SectionName = "Sources:Reddit";

    public RedditOptions()
    {
        BaseUrl = new Uri("https://oauth.reddit.com/");
    }

    [Required]
    public Uri? TokenUrl { get; set; } = new("https://www.reddit.com/api/v1/access_token");

    public string? ClientId { get; set; }

    /// <summary>A secret: comes from configuration, never from the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Reddit asks every client for a unique, descriptive User-Agent, e.g. "server:socialwatch:1.0 (by /u/acme-care)".</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "server:socialwatch:1.0";

    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>A cached token is replaced this long before it expires, so no request goes out with a token about to lapse.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
}
