using System.Text.Json.Nodes;

namespace SocialWatch.Ingest.Tests.Infrastructure;

/// <summary>Bodies shaped like the X API v2 reference for recent search and post lookup.</summary>
internal static class XPayloads
{
    public static JsonObject Post(string id, string text, string authorId = "u1", long likes = 1, long reposts = 0, bool postNames = false, string lang = "en")
    {
        var metrics = new JsonObject { ["reply_count"] = 2, ["like_count"] = likes, ["quote_count"] = 0 };
        metrics[postNames ? "repost_count" : "retweet_count"] = reposts;
        return new JsonObject
        {
            ["id"] = id,
            ["text"] = text,
            ["author_id"] = authorId,
            ["created_at"] = "2026-11-24T05:00:00.000Z",
            ["conversation_id"] = id,
            ["lang"] = lang,
            ["public_metrics"] = metrics,
            ["edit_history_tweet_ids"] = new JsonArray(id),
        };
    }

    public static JsonObject User(string id, string username, long followers, bool verified = false) => new()
    {
        ["id"] = id,
        ["username"] = username,
        ["name"] = username.ToUpperInvariant(),
        ["verified"] = verified,
        ["public_metrics"] = new JsonObject { ["followers_count"] = followers, ["following_count"] = 10 },
    };

    public static string Page(IEnumerable<JsonObject> posts, IEnumerable<JsonObject> users, string? nextToken)
    {
        var data = new JsonArray(posts.Select(p => (JsonNode)p).ToArray());
        var ids = data.Select(p => long.Parse(p!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var meta = new JsonObject { ["result_count"] = ids.Count };
        if (ids.Count > 0)
        {
            meta["newest_id"] = ids.Max().ToString(System.Globalization.CultureInfo.InvariantCulture);
            meta["oldest_id"] = ids.Min().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (nextToken is not null)
        {
            meta["next_token"] = nextToken;
        }

        var page = new JsonObject { ["meta"] = meta };
        if (ids.Count > 0)
        {
            page["data"] = data;
            page["includes"] = new JsonObject { ["users"] = new JsonArray(users.Select(u => (JsonNode)u).ToArray()) };
        }

        return page.ToJsonString();
    }
}
