using Microsoft.Extensions.Logging;
using SocialWatch.Ingest.Tests.Infrastructure;
using SocialWatch.Ingest.Tests.Sources;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Jobs;

[TestClass]
public sealed class IngestJobTests : IDisposable
{
    private const string QueryKey = "Acme Air:x:search";
    private const string SearchPath = "/2/tweets/search/recent";

    private readonly WireMockServer _server = WireMockServer.Start();
    private IngestHarness _harness;

    public IngestJobTests()
    {
        _harness = new IngestHarness(XMentionSourceTests.XSettings(_server.Url!));
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    [TestMethod]
    public async Task Run_DuplicatesAcrossPages_AreStoredOnce()
    {
        GivenTwoPages(secondPageIds: ["290", "280"]);

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual(4, result.Received);
        Assert.AreEqual(3, result.Stored);
        Assert.AreEqual("280,290,300", StoredIds());
        Assert.HasCount(3, _harness.StoredHandler.Received, "routing sees each new mention once");
    }

    [TestMethod]
    public async Task Run_WhileAnotherRunOfTheQueryHoldsTheGate_IsSkippedWithoutReading_AndTheNextRunReads()
    {
        GivenTwoPages(secondPageIds: ["290", "280"]);
        var gate = _harness.Get<SocialWatch.Ingest.Jobs.IQueryRunGate>();

        SocialWatch.Ingest.Jobs.IngestRunResult skipped;
        using (var other = gate.TryEnter(QueryKey))
        {
            Assert.IsNotNull(other);
            skipped = await _harness.RunAsync(QueryKey);
        }

        var requestsWhileHeld = _server.LogEntries.Count;
        var next = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("already running", skipped.Outcome);
        Assert.AreEqual(0, requestsWhileHeld, "a skipped run reads nothing");
        Assert.AreEqual(("done", 3), (next.Outcome, next.Stored));
        Assert.IsNotNull(gate.TryEnter(QueryKey), "the run released the gate");
    }

    [TestMethod]
    public async Task Run_CrashBeforeTheFirstCommit_RerunStoresEverythingExactlyOnce()
    {
        GivenTwoPages(secondPageIds: ["280", "270"]);
        _harness.Store.FailOnCall = 0;

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => _harness.RunAsync(QueryKey));
        var afterCrash = await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None);
        await _harness.RunAsync(QueryKey);

        Assert.IsNull(afterCrash);
        Assert.AreEqual("270,280,290,300", StoredIds());
        Assert.HasCount(4, _harness.StoredHandler.Received);
    }

    [TestMethod]
    public async Task Run_CrashBetweenPages_ResumesAtTheFailedPage_SkippingNothingAndStoringNothingTwice()
    {
        GivenTwoPages(secondPageIds: ["280", "270"]);
        _harness.Store.FailOnCall = 1;

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => _harness.RunAsync(QueryKey));
        var storedBeforeRerun = StoredIds();
        _server.ResetLogEntries();
        await _harness.RunAsync(QueryKey);

        Assert.AreEqual("290,300", storedBeforeRerun);
        Assert.AreEqual("page-2", _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).First().RequestMessage.Query!["next_token"].Single(), "the re-run starts at the page that was not committed");
        Assert.AreEqual("270,280,290,300", StoredIds());
        Assert.HasCount(4, _harness.StoredHandler.Received);
    }

    [TestMethod]
    public async Task Run_WhenAnotherRunCommittedThePageFirst_StopsWithoutStoring()
    {
        GivenTwoPages(secondPageIds: ["280", "270"]);
        _harness.Store.BeforeNextStore = () => _harness.Store.SetCursor(QueryKey, "{\"since_id\":\"300\"}");

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("cursor moved by another run", result.Outcome);
        Assert.IsEmpty(_harness.Store.Mentions);
        Assert.AreEqual("{\"since_id\":\"300\"}", await _harness.Store.GetCursorAsync(QueryKey, CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_UsageCapExceeded_PausesTheSourceAndRaisesAnOperatorAlert_WithoutRetrying()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithBody(
                """{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}"""));

        var result = await _harness.RunAsync(QueryKey);
        var second = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("usage cap exceeded", result.Outcome);
        Assert.HasCount(1, _server.LogEntries, "a usage cap is not retried, and the paused source is not polled again");
        var pause = await _harness.State.GetPauseAsync("x", CancellationToken.None);
        Assert.IsNotNull(pause);
        var now = DateTimeOffset.UtcNow;
        Assert.AreEqual(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1), pause.Until);
        var alert = _harness.OperatorAlerts.Raised.Single();
        Assert.AreEqual("x", alert.Source);
        StringAssert.Contains(alert.Message, "Monthly product cap");
        Assert.AreEqual("source paused", second.Outcome);
    }

    [TestMethod]
    public async Task Run_RecordsPostsReadPerBrandAndDay()
    {
        GivenTwoPages(secondPageIds: ["280", "270"]);

        await _harness.RunAsync(QueryKey);

        var reads = await _harness.State.GetReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        Assert.AreEqual(4, reads);
    }

    [TestMethod]
    public async Task Run_WithTheDailyBudgetUsedUp_SkipsWithAWarningAndReadsNothing()
    {
        // The first page reads 2 of 11: the 9 left are fewer than the smallest page X serves (10), so the run stops.
        RecreateHarness(new() { ["Sources:X:DailyReadBudgetPerBrand"] = "11" });
        GivenTwoPages(secondPageIds: ["280", "270"]);

        var first = await _harness.RunAsync(QueryKey);
        var second = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("budget used up", first.Outcome, "the budget is checked before every page");
        Assert.AreEqual(1, first.Pages);
        Assert.AreEqual("budget used up", second.Outcome);
        Assert.HasCount(1, _server.LogEntries);
        Assert.IsTrue(_harness.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("budget", StringComparison.Ordinal)));
        Assert.IsFalse(_harness.Logs.Entries.Any(e => e.Level >= LogLevel.Error));
    }

    [TestMethod]
    public async Task Run_AsksForNoMorePostsThanTheDaysBudgetHasLeft()
    {
        RecreateHarness(new() { ["Sources:X:DailyReadBudgetPerBrand"] = "40" });
        await _harness.State.AddReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(DateTime.UtcNow), 15, CancellationToken.None);
        GivenTwoPages(secondPageIds: ["280", "270"]);

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("done", result.Outcome);
        var asked = _server.LogEntries.Select(e => e.RequestMessage.Query!["max_results"].Single()).ToList();
        Assert.AreEqual("25,23", string.Join(",", asked), "25 left before the first page, 23 after it read 2");
    }

    [TestMethod]
    public async Task Run_WithLessBudgetLeftThanTheSmallestPage_ReadsNothing()
    {
        RecreateHarness(new() { ["Sources:X:DailyReadBudgetPerBrand"] = "100" });
        await _harness.State.AddReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(DateTime.UtcNow), 91, CancellationToken.None);
        GivenTwoPages(secondPageIds: ["280", "270"]);

        var result = await _harness.RunAsync(QueryKey);

        Assert.AreEqual("budget used up", result.Outcome);
        Assert.IsEmpty(_server.LogEntries, "9 left: a page of 10 would overshoot the budget");
        Assert.AreEqual(91, await _harness.State.GetReadsAsync("x", IngestHarness.Brand, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));
    }

    [TestMethod]
    public async Task Run_UnknownQueryKey_DoesNothing()
    {
        var result = await _harness.RunAsync("Removed Brand:x:search");

        Assert.AreEqual("unknown query", result.Outcome);
        Assert.IsEmpty(_server.LogEntries);
    }

    [TestMethod]
    public async Task Run_ScoresEachPageInOneCall()
    {
        GivenTwoPages(secondPageIds: ["280", "270"]);

        await _harness.RunAsync(QueryKey);

        Assert.AreEqual("2,2", string.Join(",", _harness.Scorer.BatchSizes));
        Assert.IsTrue(_harness.Store.Mentions.All(m => m.Score?.ModelVersion == "test"));
    }

    private void RecreateHarness(Dictionary<string, string?> extra)
    {
        _harness.Dispose();
        var settings = XMentionSourceTests.XSettings(_server.Url!);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        _harness = new IngestHarness(settings);
    }

    private string StoredIds() =>
        string.Join(",", _harness.Store.Mentions.Select(m => m.Mention.ExternalId).Order(StringComparer.Ordinal));

    private void GivenTwoPages(string[] secondPageIds)
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(
                XPayloads.Page([XPayloads.Post("300", "@AcmeAir first"), XPayloads.Post("290", "@AcmeAir second")], [XPayloads.User("u1", "marta", 5)], "page-2")));
        _server.Given(Request.Create().WithPath(SearchPath).WithParam("next_token", "page-2").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(
                XPayloads.Page(secondPageIds.Select(id => XPayloads.Post(id, "@AcmeAir post " + id)), [XPayloads.User("u1", "marta", 5)], null)));
        _server.Given(Request.Create().WithPath(SearchPath).WithParam("since_id", "300").UsingGet()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(XPayloads.Page([], [], null)));
    }
}
