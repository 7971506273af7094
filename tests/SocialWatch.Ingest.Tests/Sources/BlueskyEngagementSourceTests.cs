using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Http;
using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class BlueskyEngagementSourceTests : IDisposable
{
    private const string Did = "did:plc:eygmaihciaxprqvxpfvl6flk";
    private const string GetPosts = "/xrpc/app.bsky.feed.getPosts";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly IngestHarness _harness;

    public BlueskyEngagementSourceTests()
    {
        _harness = new IngestHarness(new Dictionary<string, string?>
        {
            ["Sources:Bluesky:Enabled"] = "true",
            ["Sources:Bluesky:BaseUrl"] = _server.Url,
            ["Sources:Bluesky:MaxRetries"] = "0",
        });
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public async Task Refresh_ReadsTheCounts_AndReportsPostsTheAppViewLeftOutAsDeleted()
    {
        _server.Given(Request.Create().WithPath(GetPosts).UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            $$"""{"posts":[{"uri":"{{Uri("kept")}}","cid":"bafy","author":{"did":"{{Did}}","handle":"marta.bsky.social"},"record":{},"replyCount":9,"repostCount":40,"likeCount":120,"quoteCount":4,"indexedAt":"2024-09-09T19:46:02.102Z"}]}"""));

        var updates = await Source().RefreshAsync([Stored(1, Uri("kept")), Stored(2, Uri("gone"))], CancellationToken.None);

        Assert.AreEqual(new EngagementUpdate(1, new EngagementMetrics(120, 40, 9, 4), Deleted: false), updates[0]);
        Assert.IsTrue(updates[1].Deleted);
        var uris = _server.LogEntries.Single().RequestMessage.Query!["uris"];
        CollectionAssert.AreEqual(new[] { Uri("kept"), Uri("gone") }, uris.ToArray());
    }

    [TestMethod]
    public async Task Refresh_AsksTwentyFivePostsARequest_AndSkipsIdsItDidNotWrite()
    {
        _server.Given(Request.Create().WithPath(GetPosts).UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"posts":[]}"""));
        var mentions = Enumerable.Range(0, 30).Select(i => Stored(i, Uri($"rk{i}"))).Append(Stored(99, "https://evil.example/x")).ToList();

        var updates = await Source().RefreshAsync(mentions, CancellationToken.None);

        Assert.HasCount(30, updates);
        Assert.AreEqual("25 5", string.Join(" ", _server.LogEntries.Select(e => e.RequestMessage.Query!["uris"].Count)));
    }

    [TestMethod]
    public async Task Refresh_AppViewError_FailsTheRefresh()
    {
        _server.Given(Request.Create().WithPath(GetPosts).UsingGet()).RespondWith(Response.Create().WithStatusCode(500).WithBody("oops"));

        await Assert.ThrowsExactlyAsync<SourceResponseException>(() => Source().RefreshAsync([Stored(1, Uri("kept"))], CancellationToken.None));
    }

    private IEngagementSource Source() => _harness.Get<IEnumerable<IEngagementSource>>().Single(s => s.Name == "bluesky");

    private static string Uri(string rkey) => $"at://{Did}/app.bsky.feed.post/{rkey}";

    private static StoredMention Stored(long id, string externalId) => new(id, new Mention
    {
        Source = "bluesky",
        ExternalId = externalId,
        Brand = IngestHarness.Brand,
        Text = "acme air",
        Author = new MentionAuthor(Did, Did, null, 0, false),
        CreatedAt = DateTimeOffset.UnixEpoch,
    }, null, false);
}
