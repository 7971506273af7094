using Microsoft.Data.Sqlite;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Tests.Watch;

/// <summary>
/// The demo a fresh install runs: the host's embedded defaults (SQLite, the demo simulator with its default settings,
/// the Acme Air brand), the shipped models, the real ingest and refresh jobs on a fake clock at their default cadence.
/// </summary>
[TestClass]
public sealed class DemoWatchTests : IDisposable
{
    private const string DemoQuery = "Acme Air:demo:samples";
    private const string FirstToCatchFire = "demo-1";

    private static readonly string[] s_spreadingCodes =
        [ReasonCodes.StartedSpreading, ReasonCodes.RepostsDoubling, ReasonCodes.RepostRate, ReasonCodes.InteractionsInWindow];

    // The languages other than English the simulator writes in.
    private static readonly string[] s_demoLanguages = ["de", "es", "fr", "pt"];

    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [TestMethod]
    public async Task OnTheEmbeddedDefaults_AQuietComplaintClimbsToAnAlertWithASpreadingReason_WithinTenMinutes()
    {
        var time = WatchClock.At("2026-11-24T09:00:00Z");
        await using var host = WatchTestHost.EmbeddedDefaults(Path.Combine(_directory.Path, "socialwatch.db"), time);
        await host.MigrateAsync();
        await host.IngestAsync(DemoQuery);
        var atIngest = (await host.MentionAsync(FirstToCatchFire, "demo"))!;
        var alertAtIngest = await AlertOfAsync(host, atIngest);

        var climbedAfter = TimeSpan.Zero;
        Alert? alert = null;
        while (climbedAfter < TimeSpan.FromMinutes(10))
        {
            // The demo polls and the watch list refreshes every 2 minutes by default.
            time.Advance(TimeSpan.FromMinutes(2));
            climbedAfter += TimeSpan.FromMinutes(2);
            await host.IngestAsync(DemoQuery);
            await host.RefreshAsync();
            alert = await AlertOfAsync(host, atIngest);
            if (alert is { Priority: >= AlertPriority.High } && alert.Reasons.Any(r => s_spreadingCodes.Contains(r.Code)))
            {
                break;
            }
        }

        Assert.IsFalse(atIngest.Score!.Escalation.Reasons.Any(r => s_spreadingCodes.Contains(r.Code)), "it is stored quiet");
        Assert.IsTrue(alertAtIngest is null || alertAtIngest.Priority < AlertPriority.High, "and not yet urgent");
        Assert.IsNotNull(alert, "it raised an alert");
        Assert.IsGreaterThanOrEqualTo((int)AlertPriority.High, (int)alert.Priority, $"it climbed to High or Urgent within ten minutes (after {climbedAfter})");
        Assert.IsTrue(alert.Reasons.Any(r => s_spreadingCodes.Contains(r.Code)), "with a reason saying it spreads: " + string.Join(", ", alert.Reasons.Select(r => r.Code)));
        Assert.IsLessThanOrEqualTo(TimeSpan.FromMinutes(10), climbedAfter);
    }

    [TestMethod]
    public async Task OnTheEmbeddedDefaults_TheDemosPostsInOtherLanguages_AreStoredForTheDemoBrand()
    {
        var time = WatchClock.At("2026-11-24T09:00:00Z");
        await using var host = WatchTestHost.EmbeddedDefaults(Path.Combine(_directory.Path, "socialwatch.db"), time);
        await host.MigrateAsync();
        var received = 0;
        var stored = 0;

        // Two hours of the default stream: 180 ordinary posts, of which a few percent are not in English.
        for (var poll = 0; poll < 60; poll++)
        {
            var run = await host.IngestAsync(DemoQuery);
            received += run.Received;
            stored += run.Stored;
            time.Advance(TimeSpan.FromMinutes(2));
        }

        var mentions = await host.Get<IMentionStore>().GetMentionsAsync(new MentionQuery { Source = "demo", Limit = 10_000 }, CancellationToken.None);
        var languages = mentions.Select(m => m.Mention.Language ?? "?").Where(l => l != "en").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.AreEqual(received, stored, "the demo brand drops none of the simulator's posts");
        Assert.IsGreaterThanOrEqualTo(2, languages.Count, "the language mix shows: " + string.Join(", ", languages));
        CollectionAssert.IsSubsetOf(languages, s_demoLanguages);
    }

    private static async Task<Alert?> AlertOfAsync(WatchTestHost host, StoredMention mention) =>
        await host.Get<SocialWatch.Core.Workflow.IWorkflowQueries>().FindAlertForMentionAsync(mention.Id, CancellationToken.None);
}
