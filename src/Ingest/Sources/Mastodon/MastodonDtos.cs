using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.Mastodon;

// Wire types of the Mastodon REST API, mapped to Mention at the edge.

internal sealed class MastodonStatus
{
    public string? Id { get; set; }
    public string? Uri { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>HTML as the instance rendered it.</summary>
    public string? Content { get; set; }

    public string? SpoilerText { get; set; }
    public string? Language { get; set; }
    public long? RepliesCount { get; set; }
    public long? ReblogsCount { get; set; }
    public long? FavouritesCount { get; set; }
    public string? InReplyToId { get; set; }
    public MastodonAccount? Account { get; set; }
    public MastodonStatus? Reblog { get; set; }
}

internal sealed class MastodonAccount
{
    public string? Id { get; set; }
    public string? Acct { get; set; }
    public string? Username { get; set; }
    public string? DisplayName { get; set; }
    public long? FollowersCount { get; set; }
}

/// <summary>Cursor of a hashtag timeline: the newest status id stored; <c>min_id</c> reads forward from it, oldest page first.</summary>
internal sealed class MastodonCursor
{
    public string? MinId { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<MastodonStatus>))]
[JsonSerializable(typeof(MastodonStatus))]
[JsonSerializable(typeof(MastodonCursor))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;
