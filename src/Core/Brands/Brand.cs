namespace SocialWatch.Core.Brands;

/// <summary>
/// A brand the service watches, as configured by an admin (the <c>Brands</c> configuration list or the admin UI).
/// Mutable with public setters so that standard configuration binding can fill it.
/// </summary>
public sealed class Brand
{
    /// <summary>Unique, stable key of the brand (also used in job ids and cursors).</summary>
    public string Name { get; set; } = "";

    /// <summary>Account handles of the brand, without the leading '@'.</summary>
    public List<string> Handles { get; set; } = [];

    /// <summary>Words or phrases that mean the brand is mentioned.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Terms that exclude a post (e.g. the name of an unrelated product).</summary>
    public List<string> ExcludedTerms { get; set; } = [];

    /// <summary>Subreddits (without "r/") whose new posts and comments are read.</summary>
    public List<string> Subreddits { get; set; } = [];

    /// <summary>ISO 639-1 languages to keep; empty means every language.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>YouTube channel ids ("UC" and 22 more characters) whose videos' comments and replies are read.</summary>
    public List<string> YouTubeChannels { get; set; } = [];

    /// <summary>RSS 2.0 or Atom feeds (review sites, news alerts) whose items are mentions of this brand.</summary>
    public List<BrandFeed> Feeds { get; set; } = [];

    /// <summary>How long mentions of this brand are kept; null keeps them until erased.</summary>
    public TimeSpan? Retention { get; set; }
}

/// <summary>A feed of a brand: a short name (part of the feed's query key) and its address.</summary>
public sealed class BrandFeed
{
    public string Name { get; set; } = "";

    public Uri? Url { get; set; }
}
