using System.Globalization;
using System.Web;
using SocialWatch.Ingest.Sources.Bluesky;
using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class BlueskyBackfillTests : IAsyncDisposable
{
    private const string Did = "did:plc:eygmaihciaxprqvxpfvl6flk";
    private const string Search = "/xrpc/app.bsky.feed.searchPosts";

    private readonly FakeJetstreamServer _stream = new();
    private readonly WireMockServer _pds = WireMockServer.Start();
    private IngestHarness? _harness;

    public async ValueTask DisposeAsync()
    {
        _harness?.Dispose();
        _pds.Dispose();
        await _stream.DisposeAsync();
    }

    [TestMethod]
    public async Task FirstStart_WithAnAppPassword_SearchesTheLastHours_ThenStreamsFromWhereTheSearchBegan()
    {
        var started = DateTimeOffset.UtcNow;
        GivenSession();
        _pds.Given(Request.Create().WithPath(Search).WithParam("q", "\"Acme Air\"").UsingGet()).AtPriority(5)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(
                $$"""{"cursor":"page2","posts":[{{Hit("found", "Acme Air lost my bag yesterday")}},{{Hit("other", "acme airlines is fine")}}]}"""));
        _pds.Given(Request.Create().WithPath(Search).WithParam("q", "\"Acme Air\"").WithParam("cursor", "page2").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"posts":[]}"""));
        _pds.Given(Request.Create().WithPath(Search).WithParam("q", "AcmeAir").UsingGet()).AtPriority(5)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"posts":[{{Hit("found", "Acme Air lost my bag yesterday")}}]}"""));
        var live = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000) * 1000;
        _stream.Add(live, FakeJetstreamServer.Post(live, Did, "live", "acme air, and now this"));
        var harness = Harness(withPassword: true);

        await JetstreamConsumerTests.RunUntilAsync(harness, async () =>
            await harness.Store.GetCursorAsync(JetstreamConsumer.QueryKey, CancellationToken.None) == live.ToString(CultureInfo.InvariantCulture));

        var stored = harness.Store.Mentions.Select(m => m.Mention.ExternalId[(m.Mention.ExternalId.LastIndexOf('/') + 1)..]).Order().ToList();
        Assert.AreEqual("found live", string.Join(" ", stored), "search hits go through the same matcher; a post found twice is stored once");
        var searches = _pds.LogEntries.Where(e => e.RequestMessage.Path == Search).ToList();
        Assert.HasCount(3, searches);
        Assert.IsTrue(searches.All(e => e.RequestMessage.Headers!["Authorization"].Single() == "Bearer jwt-1"));
        var since = DateTimeOffset.Parse(searches[0].RequestMessage.Query!["since"].Single(), CultureInfo.InvariantCulture);
        Assert.IsLessThan(TimeSpan.FromMinutes(1), (started - TimeSpan.FromHours(6) - since).Duration(), "six hours back by default");
        var cursor = long.Parse(HttpUtility.ParseQueryString(_stream.Requests[0].Query)["cursor"]!, CultureInfo.InvariantCulture);
        var searched = new DateTimeOffset(DateTime.SpecifyKind(searches[0].RequestMessage.DateTime, DateTimeKind.Utc));
        Assert.IsLessThanOrEqualTo((searched.ToUnixTimeMilliseconds() - 5_000) * 1000, cursor, "the stream starts before the search began, less the rewind");
    }

    [TestMethod]
    public async Task SignInRefused_TheStreamGoesOnWithoutTheBackfill()
    {
        _pds.Given(Request.Create().WithPath("/xrpc/com.atproto.server.createSession").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"""));
        var live = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000) * 1000;
        _stream.Add(live, FakeJetstreamServer.Post(live, Did, "live", "acme air, and now this"));
        var harness = Harness(withPassword: true);

        await JetstreamConsumerTests.RunUntilAsync(harness, async () =>
            await harness.Store.GetCursorAsync(JetstreamConsumer.QueryKey, CancellationToken.None) == live.ToString(CultureInfo.InvariantCulture));

        Assert.HasCount(1, harness.Store.Mentions);
        Assert.IsTrue(harness.Logs.Entries.Any(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("backfill by search failed", StringComparison.Ordinal)), "the failed backfill is logged as an error");
    }

    [TestMethod]
    public async Task WithoutAnAccount_NothingIsSearched()
    {
        var live = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000) * 1000;
        _stream.Add(live, FakeJetstreamServer.Post(live, Did, "live", "acme air, and now this"));
        var harness = Harness(withPassword: false);

        await JetstreamConsumerTests.RunUntilAsync(harness, async () =>
            await harness.Store.GetCursorAsync(JetstreamConsumer.QueryKey, CancellationToken.None) == live.ToString(CultureInfo.InvariantCulture));

        Assert.IsFalse(_pds.LogEntries.Any(e => e.RequestMessage.Path!.Contains("createSession", StringComparison.Ordinal)));
    }

    private void GivenSession() =>
        _pds.Given(Request.Create().WithPath("/xrpc/com.atproto.server.createSession").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"accessJwt":"jwt-1","refreshJwt":"r","handle":"care.acme.example","did":"did:plc:care"}"""));

    private static string Hit(string rkey, string text) =>
        $$"""{"uri":"at://{{Did}}/app.bsky.feed.post/{{rkey}}","cid":"bafy","author":{"did":"{{Did}}","handle":"marta.bsky.social"},"record":{"$type":"app.bsky.feed.post","text":"{{text}}","createdAt":"{{DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ss.fffZ}}","langs":["en"]},"replyCount":0,"repostCount":0,"likeCount":3,"quoteCount":0}""";

    private IngestHarness Harness(bool withPassword)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Bluesky:Enabled"] = "true",
            ["Sources:Bluesky:JetstreamUrls:0"] = _stream.Url.ToString(),
            ["Sources:Bluesky:FlushInterval"] = "00:00:00.050",
            ["Sources:Bluesky:CursorCommitInterval"] = "00:00:00.100",
            ["Sources:Bluesky:ReconnectBaseDelay"] = "00:00:00.010",
            ["Sources:Bluesky:ReconnectMaxDelay"] = "00:00:00.100",
            ["Sources:Bluesky:BaseUrl"] = _pds.Url,
            ["Sources:Bluesky:PdsUrl"] = _pds.Url,
            ["Sources:Bluesky:MaxRetries"] = "0",
        };
        if (withPassword)
        {
            settings["Sources:Bluesky:Identifier"] = "care.acme.example";
            settings["Sources:Bluesky:AppPassword"] = "abcd-efgh-ijkl-mnop";
        }

        return _harness = new IngestHarness(settings);
    }
}
