using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class YouTubeMentionSourceTests : IDisposable
{
    private const string ApiKey = "test-api-key-not-secret";
    private const string QueryKey = "Acme Air:youtube:" + YouTubePayloads.Channel;
    private const string ThreadsPath = "/youtube/v3/commentThreads";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly WireMockServer _server = WireMockServer.Start();
    private IngestHarness _harness;

    public YouTubeMentionSourceTests()
    {
        _harness = new IngestHarness(Settings());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public async Task Run_PagesAcrossPageTokens_StoringEveryThreadAndItsReplies()
    {
        var reply = YouTubePayloads.Comment("Ugz-top1.reply1", "Same here, 3 hours & counting <sigh>", Now.AddMinutes(-5), likes: 2, parentId: "Ugz-top1", author: "@paul", authorChannel: "UCpaulChannel0000000000A");
        GivenPage(YouTubePayloads.Page(
            [
                YouTubePayloads.Thread("Ugz-top1", "Acme Air lost my bag & nobody answers", Now.AddMinutes(-10), likes: 40, replies: [reply], totalReplies: 9),
                YouTubePayloads.Thread("Ugz-top2", "Great crew on AC12", Now.AddMinutes(-20), videoId: "vid00000002"),
            ],
            "page-2"));
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("Ugz-top3", "Refund still missing", Now.AddMinutes(-30))], null), pageToken: "page-2");

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual(2, result.Pages);
        Assert.AreEqual("Ugz-top1,Ugz-top1.reply1,Ugz-top2,Ugz-top3", string.Join(",", _harness.Store.Mentions.Select(m => m.Mention.ExternalId).Order(StringComparer.Ordinal)));
        var first = _server.LogEntries.Select(e => e.RequestMessage).OrderBy(r => r.DateTime).First();
        Assert.AreEqual("snippet,replies", first.Query!["part"].Single());
        Assert.AreEqual(YouTubePayloads.Channel, first.Query["allThreadsRelatedToChannelId"].Single());
        Assert.AreEqual("time", first.Query["order"].Single());
        Assert.AreEqual("100", first.Query["maxResults"].Single());
        Assert.AreEqual(ApiKey, first.Query["key"].Single());
        Assert.IsFalse(first.Query.ContainsKey("pageToken"));
    }

    [TestMethod]
    public async Task Fetch_MapsCommentsAndReplies_TextFromTextOriginalNeverTheHtml()
    {
        var reply = YouTubePayloads.Comment("Ugz-top1.reply1", "Same here, 3 hours & counting <sigh>", Now.AddMinutes(-5), likes: 2, parentId: "Ugz-top1", author: "@paul", authorChannel: "UCpaulChannel0000000000A");
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("Ugz-top1", "Acme Air lost my bag & nobody answers", Now.AddMinutes(-10), likes: 40, replies: [reply], totalReplies: 9)], null));

        await _harness.RunAsync(QueryKey);

        var byId = _harness.Store.Mentions.ToDictionary(m => m.Mention.ExternalId, m => m.Mention);
        var top = byId["Ugz-top1"];
        Assert.AreEqual("youtube", top.Source);
        Assert.AreEqual("Acme Air lost my bag & nobody answers", top.Text);
        Assert.AreEqual("https://www.youtube.com/watch?v=vid00000001&lc=Ugz-top1", top.Url);
        Assert.AreEqual("UCmartaChannel000000000A", top.Author.Id);
        Assert.AreEqual("@marta", top.Author.DisplayName);
        Assert.AreEqual(40, top.Metrics.Likes);
        Assert.AreEqual(9, top.Metrics.Replies, "the thread's totalReplyCount, not the few replies sent along");
        Assert.AreEqual("Ugz-top1", top.ConversationId);
        Assert.AreEqual(Now.AddMinutes(-10).ToUnixTimeSeconds(), top.CreatedAt.ToUnixTimeSeconds());
        Assert.AreEqual(IngestHarness.Brand, top.Brand);

        var answer = byId["Ugz-top1.reply1"];
        Assert.AreEqual("Same here, 3 hours & counting <sigh>", answer.Text);
        Assert.AreEqual("Ugz-top1", answer.ConversationId, "a reply belongs to its thread's top comment");
        Assert.AreEqual("https://www.youtube.com/watch?v=vid00000001&lc=Ugz-top1.reply1", answer.Url);
        Assert.AreEqual("UCpaulChannel0000000000A", answer.Author.Id);
        Assert.AreEqual(2, answer.Metrics.Likes);
        Assert.AreEqual(0, answer.Metrics.Replies);
    }

    [TestMethod]
    public async Task Run_SecondPoll_StopsPagingAtTheNewestThreadOfTheLastPoll()
    {
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t3", "Acme Air third", Now.AddMinutes(-30)), YouTubePayloads.Thread("t2", "Acme Air second", Now.AddMinutes(-40))], null));
        await _harness.RunAsync(QueryKey);
        _server.Reset();
        GivenPage(YouTubePayloads.Page(
            [
                YouTubePayloads.Thread("t5", "Acme Air fifth", Now.AddMinutes(-5)),
                YouTubePayloads.Thread("t4", "Acme Air fourth", Now.AddMinutes(-10)),
                YouTubePayloads.Thread("t3", "Acme Air third", Now.AddMinutes(-30)),
                YouTubePayloads.Thread("t2", "Acme Air second", Now.AddMinutes(-40)),
            ],
            "older-page"));

        var second = await _harness.RunAsync(QueryKey);

        Assert.AreEqual(1, second.Pages);
        Assert.AreEqual(2, second.Stored);
        Assert.HasCount(1, _server.LogEntries, "the page holding the known thread ends the poll: older pages are not read");
        var cursor = await CursorAsync();
        Assert.AreEqual("t5", cursor.GetProperty("sinceId").GetString());
        Assert.IsFalse(cursor.TryGetProperty("pageToken", out _));
    }

    [TestMethod]
    public async Task Run_FirstPoll_ReadsBackOnlyToTheInitialLookback()
    {
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("new", "Acme Air today", Now.AddHours(-2)), YouTubePayloads.Thread("old", "Acme Air last week", Now.AddDays(-7))], "page-2"));

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("new", _harness.Store.Mentions.Single().Mention.ExternalId);
        Assert.AreEqual(1, result.Pages);
        Assert.HasCount(1, _server.LogEntries);
    }

    [TestMethod]
    public async Task Run_MalformedSecondPage_FailsClearly_KeepsTheFirstPage_AndResumesAtTheFailedPage()
    {
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t9", "Acme Air nine", Now.AddMinutes(-1))], "page-2"));
        GivenPage("{\"kind\":\"youtube#commentThreadListResponse\",\"items\":[{\"id\":\"t8\",\"snippet\":{\"topLev", pageToken: "page-2");

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));
        var cursor = await CursorAsync();

        Assert.AreEqual("youtube", error.SourceName);
        Assert.AreEqual(QueryKey, error.What);
        Assert.Contains("malformed or truncated JSON", error.Message);
        Assert.AreEqual("t9", _harness.Store.Mentions.Single().Mention.ExternalId);
        Assert.AreEqual("page-2", cursor.GetProperty("pageToken").GetString());
        Assert.AreEqual("t9", cursor.GetProperty("pendingId").GetString());
        Assert.IsFalse(cursor.TryGetProperty("sinceId", out _), "the mark must not move before the poll's last page is stored");

        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t8", "Acme Air eight", Now.AddMinutes(-2))], null), pageToken: "page-2");
        await _harness.RunAsync(QueryKey);

        Assert.AreEqual("t8,t9", string.Join(",", _harness.Store.Mentions.Select(m => m.Mention.ExternalId).Order(StringComparer.Ordinal)));
        Assert.AreEqual("t9", (await CursorAsync()).GetProperty("sinceId").GetString());
    }

    [TestMethod]
    public async Task Run_ResponseWithoutItems_FailsAndStoresNothing()
    {
        GivenPage("{\"kind\":\"youtube#commentThreadListResponse\"}");

        await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        Assert.IsEmpty(_harness.Store.Mentions);
        Assert.IsNull(await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_CountsOneQuotaUnitPerCall_ForTheBrandAndForAllBrands()
    {
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t2", "Acme Air two", Now.AddMinutes(-1))], "page-2"));
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t1", "Acme Air one", Now.AddMinutes(-2))], null), pageToken: "page-2");

        await _harness.RunAsync(QueryKey);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.AreEqual(2, await _harness.State.GetReadsAsync("youtube", IQuotaSource.AllBrands, today, CancellationToken.None));
        Assert.AreEqual(2, await _harness.State.GetReadsAsync("youtube", IngestHarness.Brand, today, CancellationToken.None));
        var source = _harness.Get<IEnumerable<IMentionSource>>().OfType<IQuotaSource>().Single();
        Assert.AreEqual(2, await source.QuotaUsedTodayAsync(CancellationToken.None));
        Assert.AreEqual(10_000, source.DailyQuotaBudget);
    }

    [TestMethod]
    public async Task Run_StopsForTheDay_OnceTheDailyBudgetIsSpent()
    {
        Rebuild(new() { ["Sources:YouTube:DailyQuotaBudget"] = "2" });
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t3", "Acme Air three", Now.AddMinutes(-1))], "page-2"));
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t2", "Acme Air two", Now.AddMinutes(-2))], "page-3"), pageToken: "page-2");
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("t1", "Acme Air one", Now.AddMinutes(-3))], null), pageToken: "page-3");

        var result = await _harness.RunAsync(QueryKey);
        var next = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("usage cap exceeded", result.Outcome);
        Assert.AreEqual(2, result.Pages);
        Assert.HasCount(2, _server.LogEntries, "no call is made once the budget is spent");
        var pause = await _harness.State.GetPauseAsync("youtube", CancellationToken.None);
        Assert.IsNotNull(pause);
        Assert.AreEqual(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero), pause.Until, "paused until the next UTC day");
        Assert.Contains("DailyQuotaBudget", pause.Reason);
        Assert.AreEqual("source paused", next.Outcome);
        Assert.AreEqual("page-3", (await CursorAsync()).GetProperty("pageToken").GetString(), "tomorrow's poll resumes at the page it did not read");
    }

    [TestMethod]
    public async Task Run_QuotaExceeded_PausesYouTubeUntilGooglesReset_AndTellsTheOperators_WithoutRetrying()
    {
        _server.Given(Request.Create().WithPath(ThreadsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody(YouTubePayloads.Error(403, "quotaExceeded", "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.")));

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("usage cap exceeded", result.Outcome);
        Assert.HasCount(1, _server.LogEntries);
        var pause = await _harness.State.GetPauseAsync("youtube", CancellationToken.None);
        Assert.IsNotNull(pause);
        Assert.IsGreaterThan(DateTimeOffset.UtcNow, pause.Until);
        Assert.IsLessThanOrEqualTo(DateTimeOffset.UtcNow.AddHours(24), pause.Until, "quotas reset at the next midnight Pacific time");
        Assert.AreEqual(0, pause.Until.ToOffset(TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles").GetUtcOffset(pause.Until)).TimeOfDay.Ticks);
        Assert.AreEqual("youtube", _harness.OperatorAlerts.Raised.Single().Source);
        Assert.IsEmpty(_harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_On503_RetriesWithBackOff_ThenStores()
    {
        _server.Given(Request.Create().WithPath(ThreadsPath).UsingGet()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody(YouTubePayloads.Error(503, "backendError", "Backend Error")));
        _server.Given(Request.Create().WithPath(ThreadsPath).UsingGet()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(YouTubePayloads.Page([YouTubePayloads.Thread("t1", "Acme Air one", Now.AddMinutes(-1))], null)));

        await _harness.RunAsync(QueryKey);

        Assert.HasCount(2, _server.LogEntries);
        Assert.HasCount(1, _harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Run_On429BeyondTheWaitBound_FailsWithARateLimitError()
    {
        _server.Given(Request.Create().WithPath(ThreadsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "3600").WithBody(YouTubePayloads.Error(429, "rateLimitExceeded", "Too many requests")));

        var error = await Assert.ThrowsExactlyAsync<RateLimitedException>(() => _harness.RunAsync(QueryKey));

        Assert.AreEqual("youtube", error.SourceName);
        Assert.IsNull(await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_ErrorStatus_FailsNamingGooglesReason_WithoutTheApiKey()
    {
        _server.Given(Request.Create().WithPath(ThreadsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody(YouTubePayloads.Error(403, "commentsDisabled", "The channel has disabled comments.")));

        var error = await Assert.ThrowsExactlyAsync<SourceResponseException>(() => _harness.RunAsync(QueryKey));

        Assert.Contains("commentsDisabled", error.Message);
        Assert.DoesNotContain(ApiKey, error.ToString());
        Assert.IsNull(await _harness.State.GetPauseAsync("youtube", CancellationToken.None), "only a used-up quota pauses the source");
    }

    [TestMethod]
    public void QueriesFor_OneQueryPerChannel_OnlyWithAnApiKey()
    {
        var source = _harness.Get<IEnumerable<IMentionSource>>().Single(s => s.Name == "youtube");
        var brand = new SocialWatch.Core.Brands.Brand { Name = "Acme Air", YouTubeChannels = [YouTubePayloads.Channel, YouTubePayloads.Channel, "not-a-channel"] };

        var queries = source.QueriesFor(brand);
        using var withoutKey = new IngestHarness(new Dictionary<string, string?> { ["Sources:YouTube:BaseUrl"] = _server.Url });

        Assert.AreEqual(QueryKey, queries.Single().Key);
        Assert.AreEqual(YouTubePayloads.Channel, queries.Single().Query);
        Assert.IsFalse(withoutKey.Get<IEnumerable<IMentionSource>>().Any(s => s.Name == "youtube"));
    }

    [TestMethod]
    public async Task Refresh_ReadsTopCommentsAsThreads_AndRepliesAsComments_ReportingWhatIsGoneAsDeleted()
    {
        _server.Given(Request.Create().WithPath(ThreadsPath).WithParam("id").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            YouTubePayloads.Page([YouTubePayloads.Thread("top-kept", "Acme Air lost my bag", Now.AddHours(-1), likes: 120, totalReplies: 14)], null)));
        _server.Given(Request.Create().WithPath("/youtube/v3/comments").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            $$"""{"kind":"youtube#commentListResponse","items":[{{YouTubePayloads.Comment("top-kept.r1", "same", Now.AddMinutes(-30), likes: 7, parentId: "top-kept").ToJsonString()}}]}"""));
        var mentions = new[] { Stored(1, "top-kept", "top-kept"), Stored(2, "top-gone", "top-gone"), Stored(3, "top-kept.r1", "top-kept"), Stored(4, "top-kept.r2", "top-kept") };

        var updates = (await EngagementSource().RefreshAsync(mentions, CancellationToken.None)).ToDictionary(u => u.MentionId);

        Assert.AreEqual(new SocialWatch.Core.Mentions.EngagementMetrics(120, 0, 14, 0), updates[1].Metrics);
        Assert.IsFalse(updates[1].Deleted);
        Assert.IsTrue(updates[2].Deleted);
        Assert.AreEqual(7, updates[3].Metrics.Likes);
        Assert.IsFalse(updates[3].Deleted);
        Assert.IsTrue(updates[4].Deleted);
        var threadLookup = _server.LogEntries.Single(e => e.RequestMessage.Path == ThreadsPath).RequestMessage;
        Assert.AreEqual("top-kept,top-gone", threadLookup.Query!["id"].Single());
        Assert.AreEqual("top-kept.r1,top-kept.r2", _server.LogEntries.Single(e => e.RequestMessage.Path == "/youtube/v3/comments").RequestMessage.Query!["id"].Single());
        Assert.AreEqual(2, await _harness.State.GetReadsAsync("youtube", IQuotaSource.AllBrands, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None), "one unit a lookup");
    }

    [TestMethod]
    public async Task Refresh_AsksFiftyIdsACall()
    {
        _server.Given(Request.Create().WithPath(ThreadsPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(YouTubePayloads.Page([], null)));
        var mentions = Enumerable.Range(0, 60).Select(i => Stored(i, $"t{i}", $"t{i}")).ToList();

        await EngagementSource().RefreshAsync(mentions, CancellationToken.None);

        Assert.AreEqual("50 10", string.Join(" ", _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage.Query!["id"].Single().Split(',').Length)));
    }

    [TestMethod]
    public async Task Refresh_QuotaExceeded_PausesYouTubeForTheWatchListToo()
    {
        GivenPage(YouTubePayloads.Page([YouTubePayloads.Thread("top-1", "Acme Air lost my bag", Now.AddMinutes(-1))], null));
        await _harness.RunAsync(QueryKey);
        await _harness.WatchAsync(_harness.Store.Mentions.Single());
        _server.Reset();
        _server.Given(Request.Create().WithPath(ThreadsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody(YouTubePayloads.Error(403, "quotaExceeded", "quota")));

        await _harness.RefreshAsync();

        Assert.IsNotNull(await _harness.State.GetPauseAsync("youtube", CancellationToken.None));
    }

    private IEngagementSource EngagementSource() => _harness.Get<IEnumerable<IEngagementSource>>().Single(s => s.Name == "youtube");

    private static SocialWatch.Core.Mentions.StoredMention Stored(long id, string externalId, string conversationId) => new(id, new SocialWatch.Core.Mentions.Mention
    {
        Source = "youtube",
        ExternalId = externalId,
        Brand = IngestHarness.Brand,
        Text = "Acme Air lost my bag",
        Author = new SocialWatch.Core.Mentions.MentionAuthor("UCmartaChannel000000000A", "marta", "@marta", 0, false),
        Metrics = new SocialWatch.Core.Mentions.EngagementMetrics(1, 0, 2, 0),
        ConversationId = conversationId,
        CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
    }, null, false);

    private Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:YouTube:BaseUrl"] = _server.Url + "/youtube/v3",
            ["Sources:YouTube:ApiKey"] = ApiKey,
            ["Sources:YouTube:RetryBaseDelay"] = "00:00:00.010",
            ["Sources:YouTube:MaxRateLimitWait"] = "00:00:05",
            ["Brands:0:YouTubeChannels:0"] = YouTubePayloads.Channel,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private void Rebuild(Dictionary<string, string?> extra)
    {
        _harness.Dispose();
        _harness = new IngestHarness(Settings(extra));
    }

    private void GivenPage(string body, string? pageToken = null)
    {
        var request = Request.Create().WithPath(ThreadsPath).UsingGet();
        if (pageToken is null)
        {
            request = request.WithParam(p => !p.ContainsKey("pageToken"));
        }
        else
        {
            request = request.WithParam("pageToken", pageToken);
        }

        _server.Given(request).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=UTF-8").WithBody(body));
    }

    private async Task<JsonElement> CursorAsync() =>
        JsonDocument.Parse((await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None))!).RootElement;
}
