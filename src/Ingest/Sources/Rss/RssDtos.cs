using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.Rss;

/// <summary>One item of a feed, whichever dialect it came in.</summary>
internal sealed record FeedItem(string Id, string Title, string Summary, string? Link, string? Author, DateTimeOffset? Published, string? Language);

/// <summary>Feeds have no cursor of their own: the ids of recently seen items stand in for one.</summary>
internal sealed class RssCursor
{
    public List<string> Seen { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RssCursor))]
internal sealed partial class RssJsonContext : JsonSerializerContext;
