using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class RssMentionSourceTests : IDisposable
{
    private const string QueryKey = "Acme Air:rss:reviews";

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Reviews of Acme Air</title>
            <language>en</language>
            <item>
              <title>One star: lost luggage</title>
              <description>&lt;p&gt;They lost my bag &amp;amp; never called back.&lt;/p&gt;</description>
              <link>https://reviews.example/acme-air/1</link>
              <guid>review-1</guid>
              <pubDate>Tue, 24 Nov 2026 05:00:00 GMT</pubDate>
              <dc:creator>Marta K.</dc:creator>
            </item>
            <item>
              <title>Five stars</title>
              <description>Great crew.</description>
              <link>javascript:alert(1)</link>
              <guid>review-2</guid>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>News alerts: Acme Air</title>
          <entry>
            <id>tag:news.example,2026:acme-1</id>
            <title type="html">Acme Air faces &lt;b&gt;lawsuit&lt;/b&gt; over refunds</title>
            <link rel="alternate" href="https://news.example/acme-1"/>
            <summary>Passengers say refunds took months.</summary>
            <published>2026-11-24T04:00:00Z</published>
            <author><name>Ritu Sharma</name></author>
          </entry>
        </feed>
        """;

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly IngestHarness _harness;

    public RssMentionSourceTests()
    {
        _harness = new IngestHarness(new Dictionary<string, string?>
        {
            ["Sources:Rss:Feeds:0:Brand"] = "Acme Air",
            ["Sources:Rss:Feeds:0:Name"] = "reviews",
            ["Sources:Rss:Feeds:0:Url"] = _server.Url + "/feed.xml",
            ["Sources:Rss:RetryBaseDelay"] = "00:00:00.010",
            ["Sources:Rss:MaxRetries"] = "0",
            ["Sources:Rss:MaxResponseBytes"] = "4096",
        });
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public async Task Run_StoresRssItemsAsPlainText_AndScoresEachItemOnlyOnce()
    {
        GivenFeed(Rss);

        await _harness.RunAsync(QueryKey);
        await _harness.RunAsync(QueryKey);

        Assert.HasCount(2, _harness.Store.Mentions);
        var review = _harness.Store.Mentions.Single(m => m.Mention.ExternalId == "review-1").Mention;
        Assert.AreEqual("One star: lost luggage\n\nThey lost my bag & never called back.", review.Text);
        Assert.AreEqual("Marta K.", review.Author.Handle);
        Assert.AreEqual(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero), review.CreatedAt);
        Assert.IsNull(_harness.Store.Mentions.Single(m => m.Mention.ExternalId == "review-2").Mention.Url, "only http(s) links are kept");
        Assert.AreEqual("2", string.Join(",", _harness.Scorer.BatchSizes), "the second poll saw only remembered items");
    }

    [TestMethod]
    public async Task Run_ReadsAtomEntries()
    {
        GivenFeed(Atom);

        await _harness.RunAsync(QueryKey);

        var entry = _harness.Store.Mentions.Single().Mention;
        Assert.AreEqual("tag:news.example,2026:acme-1", entry.ExternalId);
        Assert.AreEqual("Acme Air faces lawsuit over refunds\n\nPassengers say refunds took months.", entry.Text);
        Assert.AreEqual("https://news.example/acme-1", entry.Url);
        Assert.AreEqual("Ritu Sharma", entry.Author.DisplayName);
        Assert.AreEqual("en", entry.Language);
    }

    [TestMethod]
    public async Task Run_FeedWithADocumentTypeDefinition_IsRefusedWithAClearError()
    {
        GivenFeed("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&secret;</title><guid>x</guid></item></channel></rss>
            """);

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        StringAssert.Contains(error.Message, "rss: Acme Air:rss:reviews: malformed or truncated feed XML");
        Assert.IsEmpty(_harness.Store.Mentions);
        Assert.IsNull(await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_TruncatedFeed_FailsAndStoresNothing()
    {
        GivenFeed(Rss[..400]);

        await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        Assert.IsEmpty(_harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_FeedLargerThanTheLimit_FailsWithAClearError()
    {
        GivenFeed(Rss.Replace("Great crew.", new string('x', 10_000), StringComparison.Ordinal));

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        StringAssert.Contains(error.Message, "rss: Acme Air:rss:reviews: the request failed");
        Assert.IsEmpty(_harness.Store.Mentions);
    }

    [TestMethod]
    public async Task ABrandsOwnFeeds_ArePolledBesideTheConfiguredOnes_AndAClashingNameKeepsTheConfiguredFeed()
    {
        GivenFeed(Atom, "/globex.xml");
        _harness.Brands.Add(new SocialWatch.Core.Brands.Brand
        {
            Name = "Globex",
            Feeds = [new() { Name = "news", Url = new Uri(_server.Url + "/globex.xml") }],
        });
        var acmeWithAClashingFeed = new SocialWatch.Core.Brands.Brand
        {
            Name = "Acme Air",
            Feeds = [new() { Name = "REVIEWS", Url = new Uri("https://elsewhere.example/feed") }],
        };
        var source = _harness.Get<IEnumerable<SocialWatch.Core.Ingest.IMentionSource>>().Single(s => s.Name == "rss");

        var globex = source.QueriesFor((await _harness.Brands.GetAsync(CancellationToken.None)).Find("Globex")!);
        var acme = source.QueriesFor(acmeWithAClashingFeed);
        await _harness.RunAsync("Globex:rss:news");

        Assert.AreEqual("Globex:rss:news " + _server.Url + "/globex.xml", string.Join(",", globex.Select(q => q.Key + " " + q.Query)));
        Assert.AreEqual(QueryKey + " " + _server.Url + "/feed.xml", string.Join(",", acme.Select(q => q.Key + " " + q.Query)));
        Assert.AreEqual("Globex", _harness.Store.Mentions.Single().Mention.Brand);
    }

    private void GivenFeed(string xml, string path = "/feed.xml") =>
        _server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/rss+xml").WithBody(xml));
}
