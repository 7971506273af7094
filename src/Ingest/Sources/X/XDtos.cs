using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.X;

// Wire types of the X API v2, mapped to Mention at the edge. X renamed "tweets" to "posts" in newer payloads,
// so both spellings of the renamed fields are read.

internal sealed class XSearchResponse
{
    public List<XPost>? Data { get; set; }
    public XIncludes? Includes { get; set; }
    public XMeta? Meta { get; set; }
    public List<XProblem>? Errors { get; set; }
}

internal sealed class XLookupResponse
{
    public List<XPost>? Data { get; set; }
    public List<XProblem>? Errors { get; set; }
}

/// <summary>GET /2/tweets/counts/recent: posts matching a query per time bucket over the last seven days.</summary>
internal sealed class XCountsResponse
{
    public List<XCount>? Data { get; set; }
    public XCountsMeta? Meta { get; set; }
    public List<XProblem>? Errors { get; set; }
}

internal sealed class XCount
{
    public DateTimeOffset? Start { get; set; }
    public DateTimeOffset? End { get; set; }
    public long? TweetCount { get; set; }
    public long? PostCount { get; set; }
}

internal sealed class XCountsMeta
{
    public long? TotalTweetCount { get; set; }
    public long? TotalPostCount { get; set; }
}

internal sealed class XPost
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? AuthorId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? ConversationId { get; set; }
    public string? Lang { get; set; }
    public XPublicMetrics? PublicMetrics { get; set; }
    public List<XReference>? ReferencedTweets { get; set; }
    public List<XReference>? ReferencedPosts { get; set; }

    [JsonIgnore]
    public IEnumerable<XReference> References => (ReferencedTweets ?? []).Concat(ReferencedPosts ?? []);
}

internal sealed class XReference
{
    public string? Type { get; set; }
    public string? Id { get; set; }
}

internal sealed class XPublicMetrics
{
    public long? RetweetCount { get; set; }
    public long? RepostCount { get; set; }
    public long? ReplyCount { get; set; }
    public long? LikeCount { get; set; }
    public long? QuoteCount { get; set; }
}

internal sealed class XIncludes
{
    public List<XUser>? Users { get; set; }
    public List<XPost>? Tweets { get; set; }
    public List<XPost>? Posts { get; set; }
}

internal sealed class XUser
{
    public string? Id { get; set; }
    public string? Username { get; set; }
    public string? Name { get; set; }
    public bool? Verified { get; set; }
    public XUserMetrics? PublicMetrics { get; set; }
}

internal sealed class XUserMetrics
{
    public long? FollowersCount { get; set; }
}

internal sealed class XMeta
{
    public string? NewestId { get; set; }
    public string? OldestId { get; set; }
    public int? ResultCount { get; set; }
    public string? NextToken { get; set; }
}

/// <summary>An RFC 7807 problem as X returns it, in "errors" of a 200 or as the body of an error status.</summary>
internal sealed class XProblem
{
    public string? Title { get; set; }
    public string? Detail { get; set; }
    public string? Type { get; set; }
    public string? Period { get; set; }
    public string? ResourceId { get; set; }
    public string? Value { get; set; }
}

/// <summary>
/// The opaque cursor of an X query. While a poll pages back through results, <see cref="SinceId"/> stays at the last
/// completed poll and <see cref="PendingNewestId"/> holds the newest id of this poll; only when the last page is stored
/// does since_id move to it, so a crash mid-way resumes at the page it stopped and skips nothing.
/// </summary>
internal sealed class XCursor
{
    public string? SinceId { get; set; }
    public string? NextToken { get; set; }
    public string? PendingNewestId { get; set; }

    /// <summary>Lower time bound of a first poll; kept while paging because X requires the same query on every page.</summary>
    public DateTimeOffset? StartTime { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(XSearchResponse))]
[JsonSerializable(typeof(XLookupResponse))]
[JsonSerializable(typeof(XCountsResponse))]
[JsonSerializable(typeof(XCursor))]
internal sealed partial class XJsonContext : JsonSerializerContext;
