using System.Text.Json.Nodes;

namespace SocialWatch.Ingest.Tests.Infrastructure;

/// <summary>Bodies shaped like Reddit's listing and token responses.</summary>
internal static class RedditPayloads
{
    public static JsonObject Post(string fullname, string title, string selftext = "", long score = 5, string author = "bob") => new()
    {
        ["kind"] = "t3",
        ["data"] = new JsonObject
        {
            ["name"] = fullname,
            ["id"] = fullname[3..],
            ["title"] = title,
            ["selftext"] = selftext,
            ["author"] = author,
            ["author_fullname"] = "t2_" + author,
            ["created_utc"] = 1764000000.0,
            ["permalink"] = $"/r/acmeair/comments/{fullname[3..]}/post/",
            ["score"] = score,
            ["num_comments"] = 3,
            ["num_crossposts"] = 1,
            ["subreddit"] = "acmeair",
        },
    };

    public static JsonObject Comment(string fullname, string body, string author = "carol") => new()
    {
        ["kind"] = "t1",
        ["data"] = new JsonObject
        {
            ["name"] = fullname,
            ["id"] = fullname[3..],
            ["body"] = body,
            ["author"] = author,
            ["author_fullname"] = "t2_" + author,
            ["created_utc"] = 1764000000.0,
            ["permalink"] = $"/r/acmeair/comments/abc/post/{fullname[3..]}/",
            ["link_id"] = "t3_abc",
            ["score"] = 2,
            ["subreddit"] = "acmeair",
        },
    };

    public static string Listing(IEnumerable<JsonObject> things, string? after) => new JsonObject
    {
        ["kind"] = "Listing",
        ["data"] = new JsonObject
        {
            ["after"] = after,
            ["before"] = null,
            ["dist"] = 0,
            ["children"] = new JsonArray(things.Select(t => (JsonNode)t).ToArray()),
        },
    }.ToJsonString();

    public static string Token(string token, int expiresIn = 86400) =>
        $$"""{"access_token":"{{token}}","token_type":"bearer","expires_in":{{expiresIn}},"scope":"*"}""";
}
