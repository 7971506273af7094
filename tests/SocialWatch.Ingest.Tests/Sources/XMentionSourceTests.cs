using System.Text.Json;
using SocialWatch.Core.Brands;
using SocialWatch.Ingest.Sources.X;
using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class XMentionSourceTests : IDisposable
{
    private const string QueryKey = "Acme Air:x:search";
    private const string SearchPath = "/2/tweets/search/recent";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly IngestHarness _harness;

    public XMentionSourceTests()
    {
        _harness = new IngestHarness(XSettings(_server.Url!));
    }

    internal static Dictionary<string, string?> XSettings(string url) => new()
    {
        ["Sources:X:BaseUrl"] = url,
        ["Sources:X:BearerToken"] = "test-bearer",
        ["Sources:X:RetryBaseDelay"] = "00:00:00.010",
        ["Sources:X:MaxRateLimitWait"] = "00:00:05",
    };

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public async Task Run_FollowsNextTokenToTheEnd_ThenPollsFromFirstPagesNewestId()
    {
        GivenSearch(XPayloads.Page([XPayloads.Post("300", "@AcmeAir where is my bag"), XPayloads.Post("290", "Acme Air lost my bag")], [XPayloads.User("u1", "marta", 10)], "page-2"));
        GivenSearch(XPayloads.Page([XPayloads.Post("280", "@AcmeAir third"), XPayloads.Post("270", "Acme Air fourth")], [XPayloads.User("u1", "marta", 10)], null), nextToken: "page-2");

        _server.Given(Request.Create().WithPath(SearchPath).WithParam("since_id", "300").UsingGet()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPayloads.Page([], [], null)));

        var first = await _harness.RunAsync(QueryKey);
        _server.ResetLogEntries();
        await _harness.RunAsync(QueryKey);

        Assert.AreEqual(2, first.Pages);
        Assert.AreEqual("270,280,290,300", string.Join(",", _harness.Store.Mentions.Select(m => m.Mention.ExternalId).Order(StringComparer.Ordinal)));
        var secondRunRequest = _server.LogEntries.Single().RequestMessage;
        Assert.AreEqual("300", secondRunRequest.Query!["since_id"].Single());
        Assert.IsFalse(secondRunRequest.Query.ContainsKey("next_token"));
        Assert.IsFalse(secondRunRequest.Query.ContainsKey("start_time"), "only the first poll is bounded by the look-back");
    }

    [TestMethod]
    public async Task Run_KeepsSinceIdUntilTheLastPage_SoACrashMidwayResumesAtThePageItStopped()
    {
        GivenSearch(XPayloads.Page([XPayloads.Post("300", "@AcmeAir one")], [], "page-2"));
        GivenSearch("{\"data\":[{\"id\":\"280\",\"text\":\"trunc", nextToken: "page-2");

        await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));
        var cursor = JsonDocument.Parse((await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None))!).RootElement;

        Assert.AreEqual("page-2", cursor.GetProperty("next_token").GetString());
        Assert.AreEqual("300", cursor.GetProperty("pending_newest_id").GetString());
        Assert.IsFalse(cursor.TryGetProperty("since_id", out _), "since_id must not move before the last page is stored");
    }

    [TestMethod]
    public async Task Fetch_ReadsBothTweetAndPostFieldNames()
    {
        var renamed = XPayloads.Post("301", "@AcmeAir renamed fields", reposts: 7, postNames: true);
        renamed["referenced_posts"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "quoted", ["id"] = "5" });
        var repost = XPayloads.Post("302", "RT @AcmeAir something", reposts: 1, postNames: true);
        repost["referenced_posts"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "reposted", ["id"] = "6" });
        var classic = XPayloads.Post("300", "@AcmeAir classic fields", reposts: 3);
        GivenSearch(XPayloads.Page([renamed, repost, classic], [XPayloads.User("u1", "marta", 10)], null));

        await _harness.RunAsync(QueryKey);

        var byId = _harness.Store.Mentions.ToDictionary(m => m.Mention.ExternalId);
        Assert.AreEqual(7, byId["301"].Mention.Metrics.Reposts);
        Assert.AreEqual(3, byId["300"].Mention.Metrics.Reposts);
        Assert.IsFalse(byId.ContainsKey("302"), "reposts carry no words of their own");
    }

    [TestMethod]
    public async Task Fetch_MapsIncludedUsersToAuthors()
    {
        var post = XPayloads.Post("300", "Acme Air &amp; its &lt;lost&gt; bags", authorId: "u9", likes: 12);
        GivenSearch(XPayloads.Page([post], [XPayloads.User("u9", "bigvoice", 250_000, verified: true)], null));

        await _harness.RunAsync(QueryKey);

        var mention = _harness.Store.Mentions.Single().Mention;
        Assert.AreEqual("bigvoice", mention.Author.Handle);
        Assert.AreEqual(250_000, mention.Author.Followers);
        Assert.IsTrue(mention.Author.Verified);
        Assert.AreEqual("Acme Air & its <lost> bags", mention.Text);
        Assert.AreEqual("https://x.com/bigvoice/status/300", mention.Url);
        Assert.AreEqual(12, mention.Metrics.Likes);
        Assert.AreEqual("en", mention.Language);
        Assert.AreEqual(IngestHarness.Brand, mention.Brand);
    }

    [TestMethod]
    public async Task Run_On429_WaitsUntilTheRateLimitReset_ThenSucceeds()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).InScenario("limit").WillSetStateTo("reset")
            .RespondWith(Response.Create().WithStatusCode(429)
                .WithHeader("x-rate-limit-remaining", "0")
                .WithHeader("x-rate-limit-reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithBody("{\"title\":\"Too Many Requests\",\"status\":429}"));
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).InScenario("limit").WhenStateIs("reset")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPayloads.Page([XPayloads.Post("300", "@AcmeAir hi")], [], null)));

        await _harness.RunAsync(QueryKey);

        var requests = _server.LogEntries.Select(e => e.RequestMessage.DateTime).OrderBy(t => t).ToList();
        Assert.HasCount(2, requests);
        Assert.IsGreaterThanOrEqualTo(DateTimeOffset.FromUnixTimeSeconds(reset).UtcDateTime, requests[1], "the retry must wait for the reset, not back off blindly");
        Assert.HasCount(1, _harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_On429ResettingBeyondTheWaitBound_FailsWithoutMovingTheCursor()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429)
                .WithHeader("x-rate-limit-reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithBody("{\"title\":\"Too Many Requests\"}"));

        var error = await Assert.ThrowsExactlyAsync<RateLimitedException>(() => _harness.RunAsync(QueryKey));

        Assert.AreEqual("x", error.SourceName);
        Assert.HasCount(1, _server.LogEntries);
        Assert.IsNull(await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_RetriesServerErrors_ThenStoresThePage()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).InScenario("flaky").WillSetStateTo("failed-once")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("upstream unavailable"));
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).InScenario("flaky").WhenStateIs("failed-once").WillSetStateTo("failed-twice")
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("{}"));
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).InScenario("flaky").WhenStateIs("failed-twice")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPayloads.Page([XPayloads.Post("300", "@AcmeAir ok")], [], null)));

        await _harness.RunAsync(QueryKey);

        Assert.HasCount(3, _server.LogEntries);
        Assert.HasCount(1, _harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_ServerErrorThatPersists_FailsTheJobWithTheStatus()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(502).WithBody("bad gateway"));

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        StringAssert.Contains(error.Message, "HTTP 502");
        Assert.HasCount(4, _server.LogEntries, "one request and three retries");
        Assert.IsEmpty(_harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_MalformedJson_FailsWithAClearLoggedError_AndStoresNothing()
    {
        GivenSearch("<html>gateway error</html>");

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        StringAssert.Contains(error.Message, "x: Acme Air:x:search: malformed or truncated JSON");
        var logged = _harness.Logs.Entries.Single(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        StringAssert.Contains(logged.Message, QueryKey);
        Assert.AreSame(error, logged.Exception);
        Assert.IsNull(await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
        Assert.IsEmpty(_harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_TruncatedBody_FailsAndTheCursorDoesNotMove()
    {
        _harness.Store.SetCursor(QueryKey, "{\"since_id\":\"100\"}");
        GivenSearch(XPayloads.Page([XPayloads.Post("300", "@AcmeAir one"), XPayloads.Post("290", "@AcmeAir two")], [], null)[..60]);

        await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        Assert.AreEqual("{\"since_id\":\"100\"}", await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
        Assert.IsEmpty(_harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_SendsTheBearerTokenAndTheRequestedFields()
    {
        GivenSearch(XPayloads.Page([], [], null));

        await _harness.RunAsync(QueryKey);

        var request = _server.LogEntries.Single().RequestMessage;
        Assert.AreEqual("Bearer test-bearer", request.Headers!["Authorization"].Single());
        Assert.AreEqual("author_id", request.Query!["expansions"].Single());
        StringAssert.Contains(string.Join(",", request.Query["tweet.fields"]), "public_metrics");
        StringAssert.Contains(string.Join(",", request.Query["user.fields"]), "verified");
        StringAssert.Contains(request.Query["query"].Single(), "-is:retweet");
    }

    [TestMethod]
    public void BuildQuery_CombinesHandlesKeywordsExclusionsAndLanguages()
    {
        var brand = new Brand
        {
            Name = "Acme Air",
            Handles = ["@AcmeAir", "AcmeCares"],
            Keywords = ["Acme Air", "acmeair"],
            ExcludedTerms = ["acme anvil"],
            Languages = ["en", "DE"],
        };

        var query = XMentionSource.BuildQuery(brand);

        Assert.AreEqual("(@AcmeAir OR @AcmeCares OR \"Acme Air\" OR acmeair) -\"acme anvil\" -is:retweet (lang:en OR lang:de)", query);
    }

    [TestMethod]
    public void BuildQuery_BrandWithNothingToSearch_HasNoQuery()
    {
        var brand = new Brand { Name = "Quiet" };

        var queries = _harness.Get<IEnumerable<Core.Ingest.IMentionSource>>().Single(s => s.Name == "x").QueriesFor(brand);

        Assert.IsEmpty(queries);
    }

    private void GivenSearch(string body, string? nextToken = null)
    {
        var request = Request.Create().WithPath(SearchPath).UsingGet();
        if (nextToken is not null)
        {
            request = request.WithParam("next_token", nextToken);
        }

        _server.Given(request).AtPriority(nextToken is null ? 10 : 1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }
}
