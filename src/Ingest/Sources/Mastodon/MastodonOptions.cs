using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.Mastodon;

/// <summary>
/// Hashtag timelines of one Mastodon instance (it sees the posts it federates with). Off unless enabled: the timelines
/// are public, so there is no credential whose presence could switch it on.
/// </summary>
public sealed class MastodonOptions : SourceOptions
{
    public const string SectionName = "Sources:Mastodon";

    public MastodonOptions()
    {
        Enabled = false;
        BaseUrl = new Uri("https://mastodon.social/");
    }

    /// <summary>Optional; an instance may require a token for its timelines or give a larger rate limit with one.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Statuses per page (the API allows up to 40).</summary>
    [Range(1, 40)]
    public int PageSize { get; set; } = 40;
}
