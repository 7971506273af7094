using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class RedditMentionSourceTests : IDisposable
{
    private const string SearchKey = "Acme Air:reddit:search";
    private const string TokenPath = "/api/v1/access_token";

    private readonly WireMockServer _server = WireMockServer.Start();
    private IngestHarness _harness;

    public RedditMentionSourceTests()
    {
        _harness = new IngestHarness(Settings());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public void QueriesFor_SearchesTheBrandAndReadsItsSubredditsNewPostsAndComments()
    {
        var queries = _harness.Get<IEnumerable<Core.Ingest.IMentionSource>>().Single(s => s.Name == "reddit")
            .QueriesFor(_harness.Get<Microsoft.Extensions.Options.IOptions<SocialWatch.Core.Brands.BrandsOptions>>().Value.Brands[0]);

        Assert.AreEqual(
            "Acme Air:reddit:search|Acme Air:reddit:r/acmeair:new|Acme Air:reddit:r/acmeair:comments",
            string.Join("|", queries.Select(q => q.Key)));
        Assert.AreEqual("search:(\"Acme Air\" OR \"AcmeAir\") NOT \"acme anvil\"", queries[0].Query);
    }

    [TestMethod]
    public async Task Run_WalksDownByFullnameUntilTheFloor_ThenMovesTheFloorToTheNewest()
    {
        GivenToken("tok-1");
        _harness.Store.SetCursor(SearchKey, "{\"floor\":\"t3_100\"}");
        GivenListing("/search", RedditPayloads.Listing([RedditPayloads.Post("t3_105", "Acme Air lost my bag"), RedditPayloads.Post("t3_104", "Acme Air refund?")], "t3_104"));
        GivenListing("/search", RedditPayloads.Listing([RedditPayloads.Post("t3_103", "Acme Air delay"), RedditPayloads.Post("t3_100", "already stored")], "t3_100"), after: "t3_104");

        var result = await _harness.RunAsync(SearchKey);

        Assert.AreEqual(2, result.Pages);
        Assert.AreEqual("t3_103,t3_104,t3_105", string.Join(",", _harness.Store.Mentions.Select(m => m.Mention.ExternalId).Order(StringComparer.Ordinal)));
        Assert.AreEqual("{\"floor\":\"t3_105\"}", await _harness.Store.GetCursorAsync(SearchKey, CancellationToken.None));
        var first = _harness.Store.Mentions.Single(m => m.Mention.ExternalId == "t3_105").Mention;
        Assert.AreEqual("https://www.reddit.com/r/acmeair/comments/105/post/", first.Url);
        Assert.AreEqual("bob", first.Author.Handle);
        Assert.AreEqual(5, first.Metrics.Likes);
    }

    [TestMethod]
    public async Task Run_FirstPoll_ReadsOnePageAndSetsTheFloor()
    {
        GivenToken("tok-1");
        GivenListing("/r/acmeair/comments", RedditPayloads.Listing([RedditPayloads.Comment("t1_zz", "Acme Air ruined my trip"), RedditPayloads.Comment("t1_zy", "[removed]", author: "[deleted]")], "t1_zy"));

        var result = await _harness.RunAsync("Acme Air:reddit:r/acmeair:comments");

        Assert.AreEqual(1, result.Pages);
        var stored = _harness.Store.Mentions.Single().Mention;
        Assert.AreEqual("t1_zz", stored.ExternalId);
        Assert.AreEqual("t3_abc", stored.ConversationId);
        Assert.AreEqual("{\"floor\":\"t1_zz\"}", await _harness.Store.GetCursorAsync("Acme Air:reddit:r/acmeair:comments", CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_CachesTheToken_AndSendsUserAgentAndRawJson()
    {
        GivenToken("tok-1");
        GivenListing("/search", RedditPayloads.Listing([], null));

        await _harness.RunAsync(SearchKey);
        await _harness.RunAsync(SearchKey);

        Assert.HasCount(1, TokenRequests());
        var token = TokenRequests()[0];
        Assert.AreEqual("Basic " + Convert.ToBase64String("client-id:client-secret"u8.ToArray()), token.Headers!["Authorization"].Single());
        StringAssert.Contains(token.Body, "grant_type=client_credentials");
        var listings = ListingRequests();
        Assert.HasCount(2, listings);
        Assert.IsTrue(listings.All(r => r.Headers!["Authorization"].Single() == "Bearer tok-1"));
        Assert.IsTrue(listings.All(r => r.Headers!["User-Agent"].Single() == "test:socialwatch:1.0 (by /u/tester)"));
        Assert.IsTrue(listings.All(r => r.Query!["raw_json"].Single() == "1" && r.Query["sort"].Single() == "new"));
    }

    [TestMethod]
    public async Task Run_RefreshesTheTokenBeforeItExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        RecreateHarness(time);
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(RedditPayloads.Token("tok-1", expiresIn: 3600)));
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(RedditPayloads.Token("tok-2", expiresIn: 3600)));
        GivenListing("/search", RedditPayloads.Listing([], null));

        await _harness.RunAsync(SearchKey);
        time.Advance(TimeSpan.FromMinutes(50));
        await _harness.RunAsync(SearchKey);
        time.Advance(TimeSpan.FromMinutes(6));
        await _harness.RunAsync(SearchKey);

        Assert.HasCount(2, TokenRequests(), "the token is reused until five minutes before it expires");
        Assert.AreEqual("Bearer tok-2", ListingRequests().Last().Headers!["Authorization"].Single());
    }

    [TestMethod]
    public async Task Run_TokenEndpointAnswering200WithAnError_FailsTheJob()
    {
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"error": "invalid_grant"}"""));

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(SearchKey));

        StringAssert.Contains(error.Message, "invalid_grant");
        Assert.IsEmpty(ListingRequests());
        Assert.IsNull(await _harness.Store.GetCursorAsync(SearchKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_RevokedToken_IsReplacedOnceAndTheRequestRepeated()
    {
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(RedditPayloads.Token("revoked")));
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(RedditPayloads.Token("fresh")));
        _server.Given(Request.Create().WithPath("/search").WithHeader("Authorization", "Bearer revoked").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"message": "Unauthorized", "error": 401}"""));
        GivenListing("/search", RedditPayloads.Listing([RedditPayloads.Post("t3_1", "Acme Air hello")], null));

        await _harness.RunAsync(SearchKey);

        Assert.HasCount(2, TokenRequests());
        Assert.HasCount(1, _harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_WhenTheWindowIsUsedUp_TheNextRequestWaitsForTheReset()
    {
        GivenToken("tok-1");
        _harness.Store.SetCursor(SearchKey, "{\"floor\":\"t3_100\"}");
        _server.Given(Request.Create().WithPath("/search").UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("X-Ratelimit-Remaining", "0.0")
                .WithHeader("X-Ratelimit-Used", "600")
                .WithHeader("X-Ratelimit-Reset", "1")
                .WithBody(RedditPayloads.Listing([RedditPayloads.Post("t3_105", "Acme Air one")], "t3_105")));
        GivenListing("/search", RedditPayloads.Listing([RedditPayloads.Post("t3_100", "old")], null), after: "t3_105");

        await _harness.RunAsync(SearchKey);

        var times = ListingRequests().Select(r => r.DateTime).OrderBy(t => t).ToList();
        Assert.HasCount(2, times);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), times[1] - times[0], "the second request waits for X-Ratelimit-Reset");
    }

    [TestMethod]
    public async Task Refresh_RecordsSnapshots_AndRedactsRemovedOrMissingThings()
    {
        GivenToken("tok-1");
        await StoreAsync("t3_a", "t1_b", "t3_c");
        foreach (var mention in _harness.Store.Mentions)
        {
            await _harness.WatchAsync(mention);
        }

        _server.Given(Request.Create().WithPath("/api/info").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(RedditPayloads.Listing(
                [RedditPayloads.Post("t3_a", "Acme Air still lost", score: 50), RedditPayloads.Comment("t1_b", "[removed]", author: "[deleted]")], null)));

        await _harness.RefreshAsync();

        var byId = _harness.Store.Mentions.ToDictionary(m => m.Mention.ExternalId);
        var snapshot = _harness.Store.Snapshots.Single();
        Assert.AreEqual(byId["t3_a"].Id, snapshot.MentionId);
        Assert.AreEqual(50, snapshot.Metrics.Likes);
        Assert.IsFalse(byId["t3_a"].Redacted);
        Assert.IsTrue(byId["t1_b"].Redacted);
        Assert.AreEqual("", byId["t1_b"].Mention.Text);
        Assert.IsTrue(byId["t3_c"].Redacted, "a thing /api/info no longer returns was deleted");
        var info = _server.LogEntries.Single(e => e.RequestMessage.Path == "/api/info").RequestMessage;
        Assert.AreEqual("t3_a,t1_b,t3_c", info.Query!["id"].Single());
    }

    private async Task StoreAsync(params string[] fullnames)
    {
        var score = new MentionScore(new SentimentScore(SentimentLabel.Negative, 0.8f, 0.1f, 0.1f), 0.9f, new EscalationScore(0.7f, EscalationLevel.High, []), "test");
        var mentions = fullnames.Select(f => new ScoredMention(
            new Mention
            {
                Source = "reddit",
                ExternalId = f,
                Brand = IngestHarness.Brand,
                Text = "Acme Air " + f,
                Author = new MentionAuthor("t2_x", "x", null, 0, false),
                CreatedAt = DateTimeOffset.UtcNow,
            },
            score)).ToList();
        await _harness.Store.StoreBatchAsync(new Core.Storage.IngestBatch("seed", mentions, null, null), CancellationToken.None);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Sources:Reddit:BaseUrl"] = _server.Url,
        ["Sources:Reddit:TokenUrl"] = _server.Url + TokenPath,
        ["Sources:Reddit:ClientId"] = "client-id",
        ["Sources:Reddit:ClientSecret"] = "client-secret",
        ["Sources:Reddit:UserAgent"] = "test:socialwatch:1.0 (by /u/tester)",
        ["Sources:Reddit:RetryBaseDelay"] = "00:00:00.010",
        ["Sources:Reddit:MaxRateLimitWait"] = "00:00:05",
    };

    private void RecreateHarness(TimeProvider time)
    {
        _harness.Dispose();
        _harness = new IngestHarness(Settings(), time);
    }

    private void GivenToken(string token) =>
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(RedditPayloads.Token(token)));

    private void GivenListing(string path, string body, string? after = null)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        if (after is not null)
        {
            request = request.WithParam("after", after);
        }

        _server.Given(request).AtPriority(after is null ? 10 : 2).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
    }

    private List<WireMock.Logging.ILogEntry> Entries(Func<string, bool> path) =>
        _server.LogEntries.Where(e => path(e.RequestMessage.Path)).ToList();

    private List<WireMock.IRequestMessage> TokenRequests() =>
        Entries(p => p == TokenPath).Select(e => e.RequestMessage).ToList();

    private List<WireMock.IRequestMessage> ListingRequests() =>
        Entries(p => p != TokenPath).Select(e => e.RequestMessage).ToList();
}
