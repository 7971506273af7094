using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.TestSupport;

namespace SocialWatch.Host.Tests.Watch;

/// <summary>
/// The watch list end to end on a real database: a fake X serves two complaint twins (same text shape, same author
/// reach), the real ingest job stores, scores and routes them, and the real refresh job re-reads them on the fake clock
/// while one of them spreads and the other stays flat. Written once; one sealed subclass per dialect that can run here.
/// </summary>
public abstract class WatchListEndToEndContract
{
    protected const string Spreading = "1860000000000000101";
    protected const string Flat = "1860000000000000102";

    /// <summary>What both twins have when stored, and what the flat one keeps.</summary>
    internal static readonly EngagementMetrics QuietMetrics = new(2, 1, 1, 0);

    /// <summary>Provider name and connection string of an empty database for one test.</summary>
    protected abstract Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string name);

    internal static IReadOnlyList<FakePost> Twins(DateTimeOffset createdAt) =>
    [
        new(Spreading, "@AcmeAir my suitcase never arrived on flight AC 118 and nobody at the desk can tell me where it is", "u-101", "marta_travels", 180, createdAt),
        new(Flat, "@AcmeAir my suitcase never arrived on flight AC 342 and nobody at the desk can tell me where it is", "u-102", "jonas_flies", 180, createdAt),
    ];

    /// <summary>Reposts and likes quadrupling every refresh: a complaint catching fire.</summary>
    internal static EngagementMetrics FireAt(int refresh) => new(
        QuietMetrics.Likes * (long)Math.Pow(4, refresh) * 3,
        QuietMetrics.Reposts * (long)Math.Pow(4, refresh) * 3,
        QuietMetrics.Replies * (long)Math.Pow(3, refresh),
        (long)Math.Pow(2, refresh));

    [TestMethod]
    public async Task SpreadingTwin_IsReScoredUpward_AndItsAlertRises_WhileTheFlatTwinStaysWhereItWas()
    {
        var time = WatchClock.At("2026-11-24T09:00:00Z");
        var (provider, connectionString) = await CreateDatabaseAsync("sw_watch_e2e_twins");
        using var x = new FakeX(Twins(time.GetUtcNow().AddMinutes(-3)), _ => QuietMetrics);
        await using var host = new WatchTestHost(provider, connectionString, x.Url, time);
        await host.MigrateAsync();
        await host.IngestAsync();
        var spreadingAtIngest = (await host.MentionAsync(Spreading))!;
        var flatAtIngest = (await host.MentionAsync(Flat))!;
        var alertsAtIngest = await host.MentionAlertsAsync();

        for (var refresh = 1; refresh <= 4; refresh++)
        {
            time.Advance(TimeSpan.FromMinutes(2));
            x.SetMetrics(Spreading, FireAt(refresh));
            await host.RefreshAsync();
        }

        var spreading = (await host.MentionAsync(Spreading))!;
        var flat = (await host.MentionAsync(Flat))!;
        var alerts = await host.MentionAlertsAsync();
        var spreadingAlert = alerts.Single(a => a.MentionId == spreading.Id);
        var flatAlert = alerts.Single(a => a.MentionId == flat.Id);
        var spreadingAlertAtIngest = alertsAtIngest.Single(a => a.MentionId == spreading.Id);
        var flatAlertAtIngest = alertsAtIngest.Single(a => a.MentionId == flat.Id);

        Assert.AreEqual(spreadingAtIngest.Score!.Escalation.Score, flatAtIngest.Score!.Escalation.Score, 0.02, "twins score alike at ingest");
        Assert.AreEqual(spreadingAlertAtIngest.Priority, flatAlertAtIngest.Priority, "and are routed alike");
        Assert.IsLessThan((int)AlertPriority.High, (int)spreadingAlertAtIngest.Priority, "a quiet complaint from a small account is not urgent yet");
        Assert.AreEqual(4, x.Lookups.Count(ids => ids.Contains(Flat)), "the flat twin was re-read on every refresh too");

        Assert.IsGreaterThan(spreadingAtIngest.Score.Escalation.Score + 0.1f, spreading.Score!.Escalation.Score, "re-scored upward with its velocity");
        CollectionAssert.IsSubsetOf(new[] { ReasonCodes.RepostsDoubling }, spreading.Score.Escalation.Reasons.Select(r => r.Code).ToArray(), "its score says it is spreading");
        Assert.IsGreaterThanOrEqualTo((int)AlertPriority.High, (int)spreadingAlert.Priority, "its alert rose to High or Urgent");
        CollectionAssert.IsSubsetOf(new[] { ReasonCodes.RepostsDoubling, ReasonCodes.Rule("default").Code }, spreadingAlert.Reasons.Select(r => r.Code).ToArray(), "and says why: spreading, and the rule that routed it");
        Assert.IsTrue(spreadingAlert.FirstResponseDueAt < spreadingAlertAtIngest.FirstResponseDueAt, "and its first answer is due sooner");
        var audit = await host.Get<IAlertStore>().GetAuditAsync(spreadingAlert.Id, CancellationToken.None);
        Assert.IsTrue(audit.Any(e => e.Actor == "watch" && e.Note!.Contains("spreading", StringComparison.Ordinal)), "the re-plan is audited as spreading");

        Assert.AreEqual(flatAtIngest.Score.Escalation.Score, flat.Score!.Escalation.Score, 1e-4, "the flat twin's score stays where it was");
        Assert.AreEqual(flatAtIngest.Score.Escalation.Level, flat.Score.Escalation.Level);
        Assert.AreEqual((flatAlertAtIngest.Priority, flatAlertAtIngest.Version, flatAlertAtIngest.FirstResponseDueAt), (flatAlert.Priority, flatAlert.Version, flatAlert.FirstResponseDueAt), "and so does its alert");
        CollectionAssert.AreEqual(flatAlertAtIngest.Reasons.Select(r => r.Code).ToArray(), flatAlert.Reasons.Select(r => r.Code).ToArray());
        Assert.HasCount(2, alerts, "one alert per mention");
    }

    [TestMethod]
    public async Task ReadBudgetRunningOutMidWatch_StopsTheRefreshes_SaysSo_AndTheyResumeTheNextUtcDay()
    {
        var time = WatchClock.At("2026-11-24T23:50:00Z");
        var (provider, connectionString) = await CreateDatabaseAsync("sw_watch_e2e_budget");
        using var x = new FakeX(Twins(time.GetUtcNow().AddMinutes(-3)), _ => QuietMetrics);
        await using var host = new WatchTestHost(provider, connectionString, x.Url, time, new Dictionary<string, string?>
        {
            ["Sources:X:DailyReadBudgetPerBrand"] = "12",
        });
        await host.MigrateAsync();
        var today = new DateOnly(2026, 11, 24);

        // The poll reads both posts (2 of 12; a poll needs a page of 10 left), other reads of the day bring it to 6,
        // then each refresh re-reads both: the third one spends the last reads.
        await host.IngestAsync();
        await host.Get<IIngestStateStore>().AddReadsAsync("x", WatchTestHost.Brand, today, 4, CancellationToken.None);
        for (var refresh = 1; refresh <= 4; refresh++)
        {
            time.Advance(TimeSpan.FromMinutes(2));
            x.SetMetrics(Spreading, FireAt(refresh));
            await host.RefreshAsync();
        }

        var lookupsBeforeMidnight = x.Lookups.Count;
        var readsToday = await host.Get<IIngestStateStore>().GetReadsAsync("x", WatchTestHost.Brand, today, CancellationToken.None);
        var brand = (await host.Get<IBrandDirectory>().GetAsync(CancellationToken.None)).Brands.Single();
        var cost = (await host.Get<SocialWatch.Ingest.Watch.WatchCostEstimator>().EstimateAsync(brand, CancellationToken.None)).Single(c => c.Source == "x");
        var warnings = host.Logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("read budget", StringComparison.Ordinal)).ToList();
        var operatorAlerts = (await host.Get<IAlertStore>().GetOpenAsync(new OpenAlertQuery { Brand = "*" }, CancellationToken.None))
            .Where(a => a.Kind == AlertKind.Operator).ToList();
        var snapshotsBeforeMidnight = (await host.Get<IMentionStore>().GetSnapshotsAsync((await host.MentionAsync(Spreading))!.Id, CancellationToken.None)).Count;

        time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 0, 1, 0, TimeSpan.Zero));
        x.SetMetrics(Spreading, FireAt(5));
        await host.RefreshAsync();

        Assert.AreEqual(3, lookupsBeforeMidnight, "three refreshes were within the budget; the fourth read nothing");
        Assert.AreEqual(12, readsToday, "the budget is spent, not overspent");
        Assert.AreEqual((12L, 12L, 2), (cost.ReadsToday, cost.DailyBudget!.Value, cost.Watched), "the admin brand page shows the budget used up and both posts still watched");
        Assert.HasCount(1, warnings, "the log says it once, when the refreshes stop");
        StringAssert.Contains(warnings[0].Message, "Daily read budget of x for brand Acme Air used up (12 of 12); 2 watch-list refreshes held until the next UTC day");
        Assert.HasCount(1, operatorAlerts, "the operator queue says it once");
        StringAssert.Contains(operatorAlerts[0].Title, "watch-list refreshes of Acme Air on x stop until 00:00 UTC");
        Assert.AreEqual(3, snapshotsBeforeMidnight);

        Assert.HasCount(4, x.Lookups, "the refreshes resume the next UTC day");
        CollectionAssert.AreEquivalent(new[] { Spreading, Flat }, x.Lookups[^1]);
        Assert.AreEqual(2, await host.Get<IIngestStateStore>().GetReadsAsync("x", WatchTestHost.Brand, today.AddDays(1), CancellationToken.None), "charged to the new day");
        Assert.HasCount(4, await host.Get<IMentionStore>().GetSnapshotsAsync((await host.MentionAsync(Spreading))!.Id, CancellationToken.None));
    }
}

[TestClass]
public sealed class SqliteWatchListEndToEndTests : WatchListEndToEndContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string name) =>
        Task.FromResult(("Sqlite", $"Data Source={Path.Combine(_directory.Path, name + ".db")}"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}

[TestClass]
public sealed class PostgreSqlWatchListEndToEndTests : WatchListEndToEndContract
{
    protected override async Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string name) =>
        ("PostgreSql", await TestPostgres.CreateDatabaseAsync(name));
}
