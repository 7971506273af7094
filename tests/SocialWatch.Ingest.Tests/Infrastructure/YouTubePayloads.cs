using System.Globalization;
using System.Text.Json.Nodes;

namespace SocialWatch.Ingest.Tests.Infrastructure;

/// <summary>commentThreads.list payloads shaped like the YouTube Data API v3 reference (part=snippet,replies).</summary>
internal static class YouTubePayloads
{
    public const string Channel = "UCacmeAirOfficial00000aA";

    public static string Page(IEnumerable<JsonObject> threads, string? nextPageToken)
    {
        var page = new JsonObject
        {
            ["kind"] = "youtube#commentThreadListResponse",
            ["etag"] = "etag-page",
            ["pageInfo"] = new JsonObject { ["totalResults"] = 100, ["resultsPerPage"] = 100 },
            ["items"] = new JsonArray([.. threads]),
        };
        if (nextPageToken is not null)
        {
            page["nextPageToken"] = nextPageToken;
        }

        return page.ToJsonString();
    }

    public static JsonObject Thread(string id, string text, DateTimeOffset publishedAt, string videoId = "vid00000001", long likes = 0, IEnumerable<JsonObject>? replies = null, long? totalReplies = null)
    {
        var replyList = replies?.ToList() ?? [];
        var thread = new JsonObject
        {
            ["kind"] = "youtube#commentThread",
            ["etag"] = "etag-" + id,
            ["id"] = id,
            ["snippet"] = new JsonObject
            {
                ["channelId"] = Channel,
                ["videoId"] = videoId,
                ["topLevelComment"] = Comment(id, text, publishedAt, videoId, likes, parentId: null),
                ["canReply"] = true,
                ["totalReplyCount"] = totalReplies ?? replyList.Count,
                ["isPublic"] = true,
            },
        };
        if (replyList.Count > 0)
        {
            thread["replies"] = new JsonObject { ["comments"] = new JsonArray([.. replyList]) };
        }

        return thread;
    }

    public static JsonObject Comment(string id, string text, DateTimeOffset publishedAt, string videoId = "vid00000001", long likes = 0, string? parentId = null, string author = "@marta", string authorChannel = "UCmartaChannel000000000A", string? display = null)
    {
        var snippet = new JsonObject
        {
            ["channelId"] = Channel,
            ["videoId"] = videoId,
            ["textDisplay"] = display ?? "<b>" + System.Net.WebUtility.HtmlEncode(text) + "</b>",
            ["textOriginal"] = text,
            ["authorDisplayName"] = author,
            ["authorProfileImageUrl"] = "https://yt3.ggpht.example/a.jpg",
            ["authorChannelUrl"] = "http://www.youtube.com/" + author,
            ["authorChannelId"] = new JsonObject { ["value"] = authorChannel },
            ["canRate"] = true,
            ["viewerRating"] = "none",
            ["likeCount"] = likes,
            ["publishedAt"] = publishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["updatedAt"] = publishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (parentId is not null)
        {
            snippet["parentId"] = parentId;
        }

        return new JsonObject { ["kind"] = "youtube#comment", ["etag"] = "etag-" + id, ["id"] = id, ["snippet"] = snippet };
    }

    public static string Error(int code, string reason, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "youtube.quota", ["reason"] = reason }),
        },
    }.ToJsonString();
}
