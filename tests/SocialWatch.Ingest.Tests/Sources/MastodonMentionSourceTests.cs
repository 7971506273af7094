using System.Text.Json.Nodes;
using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class MastodonMentionSourceTests : IDisposable
{
    private const string QueryKey = "Acme Air:mastodon:#acmeair";
    private const string TagPath = "/api/v1/timelines/tag/acmeair";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly IngestHarness _harness;

    public MastodonMentionSourceTests()
    {
        _harness = new IngestHarness(new Dictionary<string, string?>
        {
            ["Sources:Mastodon:Enabled"] = "true",
            ["Sources:Mastodon:BaseUrl"] = _server.Url,
            ["Sources:Mastodon:PageSize"] = "2",
            ["Sources:Mastodon:RetryBaseDelay"] = "00:00:00.010",
        });
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public void QueriesFor_MakesOneHashtagPerDistinctHandleOrKeyword()
    {
        var brand = _harness.Get<Microsoft.Extensions.Options.IOptions<SocialWatch.Core.Brands.BrandsOptions>>().Value.Brands[0];

        var queries = _harness.Get<IEnumerable<Core.Ingest.IMentionSource>>().Single(s => s.Name == "mastodon").QueriesFor(brand);

        Assert.AreEqual(QueryKey, queries.Single().Key, "\"AcmeAir\" and \"Acme Air\" are the same hashtag");
    }

    [TestMethod]
    public async Task Run_FirstPoll_StoresPlainTextUnderTheStatusUri()
    {
        GivenTimeline(null, Statuses(("110", "<p>Hey <span class=\"h-card\"><a href=\"https://social.example/@AcmeAir\">@<span>AcmeAir</span></a></span> my bag &amp; coat<br />are gone <script>alert(1)</script></p>")));

        await _harness.RunAsync(QueryKey);

        var mention = _harness.Store.Mentions.Single().Mention;
        Assert.AreEqual("https://social.example/users/marta/statuses/110", mention.ExternalId);
        Assert.AreEqual("Hey @AcmeAir my bag & coat\nare gone", mention.Text);
        Assert.AreEqual("marta@social.example", mention.Author.Handle);
        Assert.AreEqual(321, mention.Author.Followers);
        Assert.AreEqual(4, mention.Metrics.Reposts);
        Assert.AreEqual("{\"min_id\":\"110\"}", await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_LaterPolls_ReadForwardFromMinIdUntilAPageIsNotFull()
    {
        _harness.Store.SetCursor(QueryKey, "{\"min_id\":\"99\"}");
        GivenTimeline("99", Statuses(("101", "<p>Acme Air one</p>"), ("100", "<p>Acme Air two</p>")));
        GivenTimeline("101", Statuses(("102", "<p>Acme Air three</p>")));

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual(2, result.Pages);
        Assert.HasCount(3, _harness.Store.Mentions);
        Assert.AreEqual("{\"min_id\":\"102\"}", await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_MalformedJson_FailsAndTheCursorStays()
    {
        _harness.Store.SetCursor(QueryKey, "{\"min_id\":\"99\"}");
        _server.Given(Request.Create().WithPath(TagPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[{\"id\":\"100\",\"content\":"));

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        StringAssert.Contains(error.Message, "mastodon: Acme Air:mastodon:#acmeair: malformed or truncated JSON");
        Assert.AreEqual("{\"min_id\":\"99\"}", await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    private static string Statuses(params (string Id, string Html)[] statuses) =>
        new JsonArray(statuses.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["uri"] = $"https://social.example/users/marta/statuses/{s.Id}",
            ["url"] = $"https://social.example/@marta/{s.Id}",
            ["created_at"] = "2026-11-24T05:00:00.000Z",
            ["content"] = s.Html,
            ["spoiler_text"] = "",
            ["language"] = "en",
            ["replies_count"] = 1,
            ["reblogs_count"] = 4,
            ["favourites_count"] = 9,
            ["account"] = new JsonObject
            {
                ["id"] = "42",
                ["username"] = "marta",
                ["acct"] = "marta@social.example",
                ["display_name"] = "Marta",
                ["followers_count"] = 321,
            },
        }).ToArray()).ToJsonString();

    private void GivenTimeline(string? minId, string body)
    {
        var request = Request.Create().WithPath(TagPath).UsingGet();
        if (minId is not null)
        {
            request = request.WithParam("min_id", minId);
        }

        _server.Given(request).AtPriority(minId is null ? 10 : 1).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
    }
}
