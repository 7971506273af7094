using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.YouTube;

// Wire types of the YouTube Data API v3 (commentThreads.list with part=snippet,replies), mapped to Mention at the edge.

internal sealed class YouTubeThreadList
{
    public string? Kind { get; set; }
    public string? NextPageToken { get; set; }
    public List<YouTubeThread>? Items { get; set; }
}

/// <summary>What <c>comments.list</c> answers.</summary>
internal sealed class YouTubeCommentList
{
    public List<YouTubeComment>? Items { get; set; }
}

internal sealed class YouTubeThread
{
    public string? Id { get; set; }
    public YouTubeThreadSnippet? Snippet { get; set; }
    public YouTubeReplies? Replies { get; set; }
}

internal sealed class YouTubeThreadSnippet
{
    public string? ChannelId { get; set; }
    public string? VideoId { get; set; }
    public YouTubeComment? TopLevelComment { get; set; }
    public long? TotalReplyCount { get; set; }
}

internal sealed class YouTubeReplies
{
    /// <summary>Some of the thread's replies (the API returns a subset); each is a whole comment resource.</summary>
    public List<YouTubeComment>? Comments { get; set; }
}

internal sealed class YouTubeComment
{
    public string? Id { get; set; }
    public YouTubeCommentSnippet? Snippet { get; set; }
}

internal sealed class YouTubeCommentSnippet
{
    public string? AuthorDisplayName { get; set; }
    public YouTubeChannelRef? AuthorChannelId { get; set; }
    public string? ChannelId { get; set; }
    public string? VideoId { get; set; }

    /// <summary>HTML unless plainText was asked for; never stored (see <see cref="TextOriginal"/>).</summary>
    public string? TextDisplay { get; set; }

    /// <summary>The comment as its author typed it.</summary>
    public string? TextOriginal { get; set; }

    public string? ParentId { get; set; }
    public long? LikeCount { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class YouTubeChannelRef
{
    public string? Value { get; set; }
}

/// <summary>Google's error document: <c>{"error":{"code":403,"message":…,"errors":[{"reason":"quotaExceeded",…}]}}</c>.</summary>
internal sealed class YouTubeErrorDocument
{
    public YouTubeError? Error { get; set; }
}

internal sealed class YouTubeError
{
    public int? Code { get; set; }
    public string? Message { get; set; }
    public List<YouTubeErrorItem>? Errors { get; set; }
}

internal sealed class YouTubeErrorItem
{
    public string? Domain { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
}

/// <summary>
/// The opaque cursor of a channel's query. Threads come newest first: while a poll pages back, <see cref="SincePublishedAt"/>
/// and <see cref="SinceId"/> stay at the newest thread of the last completed poll and <see cref="PendingPublishedAt"/> /
/// <see cref="PendingId"/> hold this poll's newest; only the poll's last page moves the mark, so a failure mid-way resumes
/// at the page that was not stored and skips nothing.
/// </summary>
internal sealed class YouTubeCursor
{
    public DateTimeOffset? SincePublishedAt { get; set; }
    public string? SinceId { get; set; }
    public string? PageToken { get; set; }
    public DateTimeOffset? PendingPublishedAt { get; set; }
    public string? PendingId { get; set; }

    /// <summary>Oldest thread a first poll reads (now less the initial look-back), kept while it pages.</summary>
    public DateTimeOffset? Floor { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(YouTubeThreadList))]
[JsonSerializable(typeof(YouTubeCommentList))]
[JsonSerializable(typeof(YouTubeErrorDocument))]
[JsonSerializable(typeof(YouTubeCursor))]
internal sealed partial class YouTubeJsonContext : JsonSerializerContext;
