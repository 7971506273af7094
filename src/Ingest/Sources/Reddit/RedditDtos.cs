using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.Reddit;

// Wire types of Reddit's API, mapped to Mention at the edge.

internal sealed class RedditTokenResponse
{
    public string? AccessToken { get; set; }
    public string? TokenType { get; set; }
    public double? ExpiresIn { get; set; }

    /// <summary>Reddit answers some failures with 200 and an "error" that is a string or a number.</summary>
    public JsonElement? Error { get; set; }

    public string? Message { get; set; }
}

internal sealed class RedditListing
{
    public string? Kind { get; set; }
    public RedditListingData? Data { get; set; }

    public JsonElement? Error { get; set; }
    public string? Message { get; set; }
}

internal sealed class RedditListingData
{
    public string? After { get; set; }
    public string? Before { get; set; }
    public List<RedditThing>? Children { get; set; }
}

internal sealed class RedditThing
{
    public string? Kind { get; set; }
    public RedditItem? Data { get; set; }
}

/// <summary>A link (t3) or a comment (t1); the fields of both kinds in one type.</summary>
internal sealed class RedditItem
{
    public string? Name { get; set; }
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Selftext { get; set; }
    public string? Body { get; set; }
    public string? Author { get; set; }
    public string? AuthorFullname { get; set; }
    public double? CreatedUtc { get; set; }
    public string? Permalink { get; set; }
    public string? Subreddit { get; set; }
    public string? LinkId { get; set; }
    public long? Score { get; set; }
    public long? NumComments { get; set; }
    public long? NumCrossposts { get; set; }
    public string? RemovedByCategory { get; set; }
    public string? Lang { get; set; }
}

/// <summary>
/// The opaque cursor of a Reddit query. Listings come newest first; a poll walks down with <see cref="After"/> until it
/// meets <see cref="Floor"/> (the newest fullname of the last completed poll), and only then moves the floor to
/// <see cref="Pending"/>, the newest fullname this poll saw. A crash mid-walk resumes at the stored <see cref="After"/>.
/// </summary>
internal sealed class RedditCursor
{
    public string? Floor { get; set; }
    public string? After { get; set; }
    public string? Pending { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RedditTokenResponse))]
[JsonSerializable(typeof(RedditListing))]
[JsonSerializable(typeof(RedditCursor))]
internal sealed partial class RedditJsonContext : JsonSerializerContext;
