using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Brands;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Tests.Infrastructure;
using SocialWatch.Ingest.Tests.Sources;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SocialWatch.Ingest.Tests.Jobs;

[TestClass]
public sealed class ReadSpendForecasterTests : IDisposable
{
    private const string CountsPath = "/2/tweets/counts/recent";

    // 10 December 2026, 12:00 UTC: 21.5 days of the month are left.
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly IngestHarness _harness;

    public ReadSpendForecasterTests()
    {
        var settings = XMentionSourceTests.XSettings(_server.Url!);
        settings["Sources:X:DailyReadBudgetPerBrand"] = "5000";
        _harness = new IngestHarness(settings, new FakeTimeProvider(Now));
    }

    public void Dispose()
    {
        _harness.Dispose();
        _server.Dispose();
    }

    private static Brand AcmeAir => new() { Name = IngestHarness.Brand, Handles = ["AcmeAir"], Keywords = ["Acme Air"] };

    [TestMethod]
    public async Task Count_SendsTheBrandsSearchQuery_AndGivesPostsADayOverTheTimeTheBucketsCover()
    {
        // Six full days of 700 and two half days of 350: 4,900 posts over 7 days.
        var buckets = new List<string> { Bucket(Now.AddDays(-7), new DateTimeOffset(Now.AddDays(-7).Date.AddDays(1), TimeSpan.Zero), 350) };
        for (var day = 1; day <= 6; day++)
        {
            var start = new DateTimeOffset(Now.AddDays(-7).Date.AddDays(day), TimeSpan.Zero);
            buckets.Add(Bucket(start, start.AddDays(1), 700));
        }

        buckets.Add(Bucket(new DateTimeOffset(Now.Date, TimeSpan.Zero), Now, 350));
        _server.Given(Request.Create().WithPath(CountsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"data\":[" + string.Join(",", buckets) + "],\"meta\":{\"total_tweet_count\":4900}}"));

        var check = (await _harness.Get<ReadSpendForecaster>().CountAsync(AcmeAir, CancellationToken.None)).Single();

        var request = _server.LogEntries.Single().RequestMessage;
        Assert.AreEqual("(@AcmeAir OR \"Acme Air\") -is:retweet", request.Query!["query"].Single());
        Assert.AreEqual("day", request.Query["granularity"].Single());
        Assert.IsNull(check.Error);
        Assert.AreEqual(4_900, check.Volume!.Posts);
        Assert.AreEqual(7.0, check.Volume.Span.TotalDays, 1e-9);
        Assert.AreEqual(700.0, check.Volume.PostsPerDay, 1e-9);
        Assert.AreEqual(3.50m, check.CostPerDay, "700 posts at $0.005");

        var forecast = (await _harness.Get<ReadSpendForecaster>().ForecastAsync(AcmeAir, CancellationToken.None)).Single();
        Assert.AreSame(check, forecast.LastCount, "the page shows the last count");
    }

    [TestMethod]
    public async Task Count_OfAFailingApi_KeepsTheReasonAndThrowsNothing()
    {
        _server.Given(Request.Create().WithPath(CountsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"errors\":[{\"title\":\"Invalid Request\",\"detail\":\"bad query\"}]}"));

        var check = (await _harness.Get<ReadSpendForecaster>().CountAsync(AcmeAir, CancellationToken.None)).Single();

        Assert.IsNull(check.Volume);
        StringAssert.Contains(check.Error, "bad query");
    }

    [TestMethod]
    public async Task Forecast_IsTheMonthSoFarPlusTheRestAtTheLastSevenFullDaysRate()
    {
        var state = _harness.State;
        await state.AddReadsAsync("x", IngestHarness.Brand, Today, 300, CancellationToken.None);
        for (var back = 1; back <= 7; back++)
        {
            await state.AddReadsAsync("x", IngestHarness.Brand, Today.AddDays(-back), 1_000, CancellationToken.None);
        }

        await state.AddReadsAsync("x", IngestHarness.Brand, Today.AddDays(-8), 9_999, CancellationToken.None);
        await state.AddReadsAsync("x", "Globex", Today, 77_777, CancellationToken.None);

        var forecast = (await _harness.Get<ReadSpendForecaster>().ForecastAsync(AcmeAir, CancellationToken.None)).Single();

        Assert.AreEqual(300, forecast.ReadsToday);
        Assert.AreEqual(7_000, forecast.ReadsLast7Days);

        // Month to date, 1 to 10 December: 3 to 9 December at 1,000, 2 December at 9,999, and today's 300.
        Assert.AreEqual(7_000 + 9_999 + 300, forecast.ReadsMonthToDate);
        Assert.AreEqual((7_000 + 9_999 + 300) * 0.005m, forecast.MonthToDate);

        // The rest of the month: 21.5 days at 1,000 a day.
        Assert.AreEqual(decimal.Round((17_299 + (1_000m * 21.5m)) * 0.005m, 2), forecast.MonthForecast);
        Assert.AreEqual(5_000, forecast.DailyBudget);
    }

    private static string Bucket(DateTimeOffset start, DateTimeOffset end, long count) =>
        $"{{\"start\":\"{start.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"end\":\"{end.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"tweet_count\":{count}}}";
}
