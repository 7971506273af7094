using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.Bluesky;

// Wire types of the AppView's app.bsky.feed.getPosts and app.bsky.actor.getProfiles, mapped at the edge.

internal sealed class GetPostsResponse
{
    public List<AppViewPost>? Posts { get; set; }
}

internal sealed class AppViewPost
{
    public string? Uri { get; set; }

    /// <summary>The post record itself (in search results).</summary>
    public PostRecord? Record { get; set; }

    public AppViewProfile? Author { get; set; }

    public long? LikeCount { get; set; }

    public long? RepostCount { get; set; }

    public long? ReplyCount { get; set; }

    public long? QuoteCount { get; set; }
}

internal sealed class GetProfilesResponse
{
    public List<AppViewProfile>? Profiles { get; set; }
}

internal sealed class AppViewProfile
{
    public string? Did { get; set; }

    public string? Handle { get; set; }

    public string? DisplayName { get; set; }

    public long? FollowersCount { get; set; }
}

internal sealed class SearchPostsResponse
{
    public string? Cursor { get; set; }

    public List<AppViewPost>? Posts { get; set; }
}

internal sealed class CreateSessionRequest
{
    public string? Identifier { get; set; }

    public string? Password { get; set; }
}

internal sealed class CreateSessionResponse
{
    public string? AccessJwt { get; set; }

    public string? Did { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SearchPostsResponse))]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(CreateSessionResponse))]
[JsonSerializable(typeof(GetPostsResponse))]
[JsonSerializable(typeof(GetProfilesResponse))]
internal sealed partial class BlueskyAppViewJsonContext : JsonSerializerContext;
