using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SocialWatch.Core.Mentions;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SocialWatch.Host.Tests.Watch;

/// <summary>One post the fake X serves: its text, author and the public metrics its lookup reports now.</summary>
internal sealed record FakePost(string Id, string Text, string AuthorId, string Handle, long Followers, DateTimeOffset CreatedAt);

/// <summary>
/// X API v2 on 127.0.0.1: recent search serves the posts once (then nothing newer), post lookup (<c>GET /2/tweets?ids=</c>)
/// answers with each post's current public_metrics, which the test moves between refreshes. Bodies are shaped like the
/// public API reference.
/// </summary>
internal sealed class FakeX : IDisposable
{
    private const string SearchPath = "/2/tweets/search/recent";
    private const string LookupPath = "/2/tweets";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, EngagementMetrics> _metrics = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string[]> _lookups = new();
    private LookupHold? _hold;

    public FakeX(IReadOnlyList<FakePost> posts, Func<string, EngagementMetrics> initial)
    {
        foreach (var post in posts)
        {
            _metrics[post.Id] = initial(post.Id);
        }

        var newest = posts.Select(p => p.Id).Max(StringComparer.Ordinal)!;
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Search(posts, _metrics)));
        _server.Given(Request.Create().WithPath(SearchPath).WithParam("since_id", newest).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"meta":{"result_count":0}}"""));
        _server.Given(Request.Create().WithPath(LookupPath).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithCallback(Lookup));
    }

    public string Url => _server.Url!;

    /// <summary>The ids each lookup asked for, in order.</summary>
    public IReadOnlyList<string[]> Lookups => [.. _lookups];

    /// <summary>
    /// Holds the next lookup until the hold is released: the refresh that sent it is then mid-page, its entries claimed,
    /// for as long as the test needs. Lookups after it are answered at once.
    /// </summary>
    public LookupHold HoldNextLookup()
    {
        var hold = new LookupHold();
        Interlocked.Exchange(ref _hold, hold);
        return hold;
    }

    /// <summary>What the post's lookup reports from now on.</summary>
    public void SetMetrics(string id, EngagementMetrics metrics) => _metrics[id] = metrics;

    public void Dispose() => _server.Dispose();

    private ResponseMessage Lookup(IRequestMessage request)
    {
        var ids = request.Query is { } query && query.TryGetValue("ids", out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : [];
        _lookups.Enqueue(ids);
        if (Interlocked.Exchange(ref _hold, null) is { } hold)
        {
            hold.Arrive();
        }

        var data = new JsonArray();
        foreach (var id in ids)
        {
            if (_metrics.TryGetValue(id, out var metrics))
            {
                data.Add(new JsonObject { ["id"] = id, ["text"] = "x", ["public_metrics"] = PublicMetrics(metrics) });
            }
        }

        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = new JsonObject { ["data"] = data }.ToJsonString(), DetectedBodyType = BodyType.String },
        };
    }

    private static string Search(IReadOnlyList<FakePost> posts, ConcurrentDictionary<string, EngagementMetrics> metrics)
    {
        var data = new JsonArray(posts.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["text"] = p.Text,
            ["author_id"] = p.AuthorId,
            ["created_at"] = p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["lang"] = "en",
            ["conversation_id"] = p.Id,
            ["public_metrics"] = PublicMetrics(metrics[p.Id]),
        }).ToArray());
        var users = new JsonArray(posts.DistinctBy(p => p.AuthorId).Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.AuthorId,
            ["username"] = p.Handle,
            ["name"] = p.Handle,
            ["verified"] = false,
            ["public_metrics"] = new JsonObject { ["followers_count"] = p.Followers },
        }).ToArray());
        var ids = posts.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["data"] = data,
            ["includes"] = new JsonObject { ["users"] = users },
            ["meta"] = new JsonObject { ["result_count"] = posts.Count, ["newest_id"] = ids[^1], ["oldest_id"] = ids[0] },
        }.ToJsonString();
    }

    private static JsonObject PublicMetrics(EngagementMetrics m) => new()
    {
        ["retweet_count"] = m.Reposts,
        ["reply_count"] = m.Replies,
        ["like_count"] = m.Likes,
        ["quote_count"] = m.Quotes,
    };
}

/// <summary>A lookup held by <see cref="FakeX.HoldNextLookup"/>: the test waits for it to arrive, then lets it go.</summary>
internal sealed class LookupHold
{
    // Long enough for a loaded machine, short enough that a broken test fails rather than hangs.
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Arrived => _arrived.Task.WaitAsync(s_limit);

    public void Release() => _released.TrySetResult();

    internal void Arrive()
    {
        _arrived.TrySetResult();
        if (!_released.Task.Wait(s_limit))
        {
            throw new TimeoutException("The held lookup was never released.");
        }
    }
}
