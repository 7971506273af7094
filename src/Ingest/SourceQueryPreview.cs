using SocialWatch.Core.Brands;
using SocialWatch.Ingest.Sources.Mastodon;
using SocialWatch.Ingest.Sources.X;

namespace SocialWatch.Ingest;

/// <summary>
/// What a brand's lists turn into on the networks whose query is derived from them, for admins to check while they
/// edit a brand (whether or not the source is switched on for this host).
/// </summary>
public static class SourceQueryPreview
{
    /// <summary>The X recent-search query; null when the brand has no handle or keyword.</summary>
    public static string? XQuery(Brand brand) => XMentionSource.BuildQuery(brand);

    /// <summary>The Mastodon hashtag timelines read for the brand.</summary>
    public static IReadOnlyList<string> MastodonHashtags(Brand brand) => MastodonMentionSource.Hashtags(brand);
}
