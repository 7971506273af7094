using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Web.Pages;

/// <summary>The dashboard as served HTML: what is spreading now, top risks' growth, their lines and links.</summary>
[TestClass]
public sealed partial class DashboardModelTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_app = await WebTestApp.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    private static async Task GrowAsync(long mentionId, params long[] likes)
    {
        var now = DateTimeOffset.UtcNow;
        await s_app.Services.GetRequiredService<IMentionStore>().AddSnapshotsAsync(
            [.. likes.Select((l, i) => new EngagementSnapshot(mentionId, now.AddMinutes(-5 * (likes.Length - i)), new EngagementMetrics(l, 0, 0, 0)))],
            CancellationToken.None);
    }

    private static async Task<string> DashboardAsync()
    {
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("pr");
        return await client.Http.GetStringAsync("/dashboard/?handler=Tables");
    }

    /// <summary>The row of "what is spreading now" for one mention.</summary>
    private static string SpreadingRow(string html, long mentionId) =>
        Regex.Match(html, $"<tr class=\"spreading-row\" data-mention-id=\"{mentionId}\">.*?</tr>", RegexOptions.Singleline) is { Success: true } row
            ? row.Value
            : throw new AssertFailedException($"No spreading row for mention {mentionId}.");

    [TestMethod]
    public async Task Spreading_ShowsGrowthProjectionLineAndLinks_EncodingWhatStrangersWrote()
    {
        var alert = await s_app.AddAlertAsync("<script>alert(1)</script> my bag is gone", url: "https://x.example/status/42?a=1&b=<2>");
        await GrowAsync(alert.MentionId!.Value, 20, 60, 150);

        var row = SpreadingRow(await DashboardAsync(), alert.MentionId.Value);

        StringAssert.Contains(row, "&lt;script&gt;alert(1)&lt;/script&gt; my bag is gone");
        Assert.IsFalse(row.Contains("<script>", StringComparison.Ordinal), row);
        StringAssert.Contains(row, "+780/h", "130 more interactions over the last ten minutes");
        StringAssert.Contains(row, "&#x2248; ");
        StringAssert.Contains(row, "confidence");
        StringAssert.Contains(row, $"<a href=\"/alerts/{alert.Id}\">");
        StringAssert.Contains(row, "href=\"https://x.example/status/42?a=1&amp;b=%3C2%3E\"");
        StringAssert.Matches(row, SparklinePattern());
        StringAssert.Contains(row, "aria-label=\"Interactions over 10 min: 20 to 150 (3 readings)\"");
    }

    [TestMethod]
    public async Task Spreading_LinksOnlyWebAddresses_ToThePost()
    {
        var alert = await s_app.AddAlertAsync("the lounge is closed again", url: "javascript:alert(document.cookie)");
        await GrowAsync(alert.MentionId!.Value, 5, 9);

        var row = SpreadingRow(await DashboardAsync(), alert.MentionId.Value);

        Assert.IsFalse(row.Contains("javascript:", StringComparison.Ordinal), row);
        Assert.IsFalse(row.Contains("Post on", StringComparison.Ordinal), row);
    }

    [TestMethod]
    public async Task Spreading_ListsAWatchedMentionWithoutAlert_AndLeavesOutOneThatStopped()
    {
        var now = DateTimeOffset.UtcNow;
        var stored = await s_app.Services.GetRequiredService<IMentionStore>().StoreBatchAsync(
            new IngestBatch("dash:" + Guid.NewGuid().ToString("N"), [Scored("quiet one, catching on"), Scored("was loud, now still")], "c", null), CancellationToken.None);
        var (watched, stopped) = (stored.Inserted[0].Id, stored.Inserted[1].Id);
        var watch = s_app.Services.GetRequiredService<IWatchListStore>();
        await watch.EnrolAsync([.. stored.Inserted.Select(m => new WatchEnrolment(m.Id, "x", "Acme Air", now.AddMinutes(-30), now.AddHours(40), now.AddMinutes(-28)))], CancellationToken.None);
        var refreshedAt = now.AddMinutes(-10);
        await watch.RecordRefreshAsync(
        [
            new WatchRefresh(watched, refreshedAt, new EngagementMetrics(8, 0, 0, 0), null, refreshedAt, now.AddMinutes(2)),
            new WatchRefresh(stopped, refreshedAt, new EngagementMetrics(900, 0, 0, 0), null, refreshedAt, now.AddMinutes(2)),
        ],
        CancellationToken.None);
        await GrowAsync(watched, 30);
        await GrowAsync(stopped, 900);

        var html = await DashboardAsync();

        StringAssert.Contains(SpreadingRow(html, watched), "no alert");
        Assert.IsFalse(html.Contains($"data-mention-id=\"{stopped}\"", StringComparison.Ordinal), "a mention that did not grow is not spreading now");
    }

    [TestMethod]
    public async Task TopRisks_GrowthColumn_HasTheFigureAndTheLine_OrADashBeforeTwoReadings()
    {
        var growing = await s_app.AddAlertAsync("stuck on the tarmac for 3 hours", priority: SocialWatch.Core.Alerts.AlertPriority.Urgent);
        var fresh = await s_app.AddAlertAsync("seat broken, nobody cares");
        await GrowAsync(growing.MentionId!.Value, 100, 160);

        var html = await DashboardAsync();

        var risks = Regex.Match(html, "<table class=\"risks cards\".*?</table>", RegexOptions.Singleline).Value;
        var growingRow = Regex.Match(risks, $"<tr>(?:(?!</tr>).)*?/alerts/{growing.Id}\".*?</tr>", RegexOptions.Singleline).Value;
        var freshRow = Regex.Match(risks, $"<tr>(?:(?!</tr>).)*?/alerts/{fresh.Id}\".*?</tr>", RegexOptions.Singleline).Value;
        StringAssert.Contains(growingRow, "+720/h");
        StringAssert.Matches(growingRow, SparklinePattern());
        StringAssert.Contains(freshRow, "—");
        Assert.IsFalse(SparklinePattern().IsMatch(freshRow), freshRow);
    }

    private static ScoredMention Scored(string text) => new(
        new Mention
        {
            Source = "x",
            ExternalId = Guid.NewGuid().ToString("N"),
            Brand = "Acme Air",
            Text = text,
            Author = new MentionAuthor("w-" + Guid.NewGuid().ToString("N")[..6], "small_account", null, 90, Verified: false),
            Metrics = new EngagementMetrics(1, 0, 0, 0),
            Url = "https://x.example/status/7",
            Language = "en",
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            IngestedAt = DateTimeOffset.UtcNow.AddMinutes(-29),
        },
        new MentionScore(new SentimentScore(SentimentLabel.Negative, 0.8f, 0.15f, 0.05f), 0.7f, new EscalationScore(0.3f, EscalationLevel.Medium, []), "test-1"));

    [GeneratedRegex("<svg class=\"sparkline\" role=\"img\" aria-label=\"[^\"<>]+\"[^>]*><title>[^<]+</title><polyline points=\"[0-9., ]+\"")]
    private static partial Regex SparklinePattern();
}
