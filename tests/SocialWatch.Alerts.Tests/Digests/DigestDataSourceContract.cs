using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Digests;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>
/// The digest aggregate queries of every dialect that can run here, over data written by the production
/// mention and alert stores. Period: 9 June 2026 08:00 to 10 June 08:00 UTC; brand "acme".
/// </summary>
public abstract class DigestDataSourceContract
{
    private static readonly DateTimeOffset Start = Utc(2026, 6, 9, 8, 0);
    private static readonly DateTimeOffset End = Utc(2026, 6, 10, 8, 0);

    private TestDatabase? _database;
    private ServiceProvider? _services;

    protected abstract StorageProvider Provider { get; }

    private IDigestDataSource Data => _services!.GetRequiredService<IDigestDataSource>();

    private static DigestScope Acme => new(["acme"], Start, End);

    [TestInitialize]
    public async Task OpenAsync()
    {
        _database = await DigestServices.OpenAsync(Provider, "digest_data");
        _services = DigestServices.Build(_database, TimeProvider.System);
        await SeedAsync();
    }

    [TestCleanup]
    public async Task CloseAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task Volume_CountsMentionsAndNegativesPerHourInsideThePeriod()
    {
        var rows = await Data.GetVolumeAsync(Acme, TimeSpan.FromHours(1), CancellationToken.None);

        Assert.AreEqual("0:2/1 2:1/1 23:1/0", Describe(rows));
    }

    [TestMethod]
    public async Task Volume_WithoutBrands_CoversEveryBrand()
    {
        var rows = await Data.GetVolumeAsync(Acme with { Brands = [] }, TimeSpan.FromHours(1), CancellationToken.None);

        Assert.AreEqual("0:2/1 1:1/1 2:1/1 23:1/0", Describe(rows));
    }

    [TestMethod]
    public async Task Volume_InDayBuckets_GroupsFromThePeriodStart()
    {
        var rows = await Data.GetVolumeAsync(Acme with { Start = Start.AddDays(-1) }, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.AreEqual("0:1/1 1:4/2", Describe(rows));
    }

    [TestMethod]
    public async Task AlertCounts_FollowTheDigestDefinitions()
    {
        var counts = await Data.GetAlertCountsAsync(Acme, CancellationToken.None);

        Assert.AreEqual(new AlertCounts(Opened: 4, Resolved: 1, StillOpen: 4, FirstResponseBreaches: 2, ResolveBreaches: 0, BrokenPromises: 1), counts);
    }

    [TestMethod]
    public async Task FirstResponseTimes_AreThoseGivenInThePeriod()
    {
        var times = await Data.GetFirstResponseTimesAsync(Acme, CancellationToken.None);

        Assert.AreEqual("20, 60", string.Join(", ", times.Select(t => t.TotalMinutes).Order()));
    }

    [TestMethod]
    public async Task TopRisks_AreOpenMentionAlertsByEscalationScore()
    {
        var risks = await Data.GetTopRisksAsync(Acme, 5, CancellationToken.None);

        Assert.AreEqual("First <b>complaint</b> & more:0.6:Normal, Old unanswered:0.0:High", string.Join(", ", risks.Select(r => $"{r.Title}:{r.Score:0.0#}:{(AlertPriority)r.Priority}")));
    }

    [TestMethod]
    public async Task Spikes_AreSpikeAlertsRaisedInThePeriod()
    {
        var spikes = await Data.GetSpikesAsync(Acme, 10, CancellationToken.None);

        Assert.HasCount(1, spikes);
        Assert.AreEqual("Volume 3x baseline", spikes[0].Title);
        Assert.AreEqual(Utc(2026, 6, 9, 15, 0), spikes[0].CreatedAt);
    }

    [TestMethod]
    public async Task ComplaintReasons_CountEachReasonOfComplaintsOnly()
    {
        var current = await Data.GetComplaintReasonsAsync(Acme, CancellationToken.None);
        var previous = await Data.GetComplaintReasonsAsync(Acme with { Start = Start.AddDays(-1), End = Start }, CancellationToken.None);

        Assert.AreEqual("large_reach=1, legal_threat=2", string.Join(", ", current.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => $"{r.Code}={r.Count}")));
        Assert.AreEqual("legal_threat=1", string.Join(", ", previous.Select(r => $"{r.Code}={r.Count}")));
    }

    [TestMethod]
    public async Task ComplaintReasons_LegacyAndNewRowsOfOneReason_CountAsOneReasonByCode()
    {
        var day = Acme with { Start = Start.AddDays(-10), End = Start.AddDays(-9) };
        var stored = await _services!.GetRequiredService<IMentionStore>().StoreBatchAsync(new IngestBatch("acme:legacy", [
            Mention("l1", day.Start.AddHours(1), SentimentLabel.Negative, 0.9f, 0.5f, Coded(ReasonCodes.Complaint, "complaint"), Coded(ReasonCodes.AuthorReach, "author reach 40k")),
            Mention("l2", day.Start.AddHours(2), SentimentLabel.Negative, 0.96f, 0.5f),
            Mention("l3", day.Start.AddHours(3), SentimentLabel.Negative, 0.62f, 0.5f),
        ], "c-legacy", null), CancellationToken.None);
        var id = stored.Inserted.ToDictionary(m => m.Mention.ExternalId, m => m.Id);
        await using (var connection = _database!.OpenConnection())
        {
            const string Legacy = "UPDATE mentions SET reasons = @reasons WHERE id = @id";
            await Dapper.SqlMapper.ExecuteAsync(connection, Legacy, new { id = id["l2"], reasons = """["complaint (96%)","author reach 12k"]""" });
            await Dapper.SqlMapper.ExecuteAsync(connection, Legacy, new { id = id["l3"], reasons = """["complaint (62%)","negative tone (70%)"]""" });
        }

        var reasons = await Data.GetComplaintReasonsAsync(day, CancellationToken.None);

        Assert.AreEqual(
            "author_reach=2, complaint=3, negative_tone=1",
            string.Join(", ", reasons.GroupBy(r => r.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Sum(r => r.Count)}")));
        Assert.HasCount(3, reasons, "one row per code");
    }

    private static Reason Coded(string code, string text) => new(code, text, 1f);

    private static string Describe(IReadOnlyList<VolumeCount> rows) =>
        string.Join(" ", rows.OrderBy(r => r.Bucket).Select(r => $"{r.Bucket}:{r.Mentions}/{r.Negative}"));

    private async Task SeedAsync()
    {
        var mentions = _services!.GetRequiredService<IMentionStore>();
        var stored = await mentions.StoreBatchAsync(new IngestBatch("acme:test", [
            Mention("m1", Start.AddMinutes(10), SentimentLabel.Negative, 0.8f, 0.6f, Coded(ReasonCodes.LegalThreat, "legal threat"), Coded("large_reach", "large reach")),
            Mention("m2", Start.AddMinutes(50), SentimentLabel.Positive, 0.1f, 0.1f, Coded("ignored", "ignored")),
            Mention("m3", Start.AddMinutes(150), SentimentLabel.Negative, 0.9f, 0.3f, Coded(ReasonCodes.LegalThreat, "legal threat")),
            Mention("m4", End.AddMilliseconds(-1), SentimentLabel.Neutral, 0.2f, 0.1f),
            Mention("m5", End, SentimentLabel.Negative, 0.9f, 0.9f, Coded(ReasonCodes.LegalThreat, "legal threat")),
            Mention("m6", Start.AddHours(1), SentimentLabel.Negative, 0.9f, 0.9f, Coded(ReasonCodes.LegalThreat, "legal threat")) with { Mention = Mention("m6", Start.AddHours(1), SentimentLabel.Negative, 0.9f, 0.9f).Mention with { Brand = "globex" } },
            Mention("m7", Start.AddHours(-20), SentimentLabel.Negative, 0.7f, 0.5f, Coded(ReasonCodes.LegalThreat, "legal threat")),
        ], "c1", null), CancellationToken.None);
        var id = stored.Inserted.ToDictionary(m => m.Mention.ExternalId, m => m.Id);

        var alerts = _services!.GetRequiredService<IAlertStore>();
        var a1 = await alerts.CreateAsync(NewAlert(AlertKind.Mention, Start.AddHours(1), "First <b>complaint</b> & more", id["m1"]) with { FirstResponseDueAt = Start.AddHours(2) }, CancellationToken.None);
        await alerts.ApplyAsync(Change(a1, Start.AddMinutes(80)) with { State = AlertState.Responded, FirstRespondedAt = Start.AddMinutes(80) }, CancellationToken.None);
        var a2 = await alerts.CreateAsync(NewAlert(AlertKind.Mention, Start.AddHours(3), "Second", id["m3"]) with { FirstResponseDueAt = Start.AddHours(3.5) }, CancellationToken.None);
        a2 = await alerts.ApplyAsync(Change(a2, Start.AddHours(4)) with { State = AlertState.Responded, FirstRespondedAt = Start.AddHours(4) }, CancellationToken.None);
        await alerts.ApplyAsync(Change(a2, Start.AddHours(5)) with { State = AlertState.Resolved, ResolvedAt = Start.AddHours(5) }, CancellationToken.None);
        await alerts.CreateAsync(NewAlert(AlertKind.Spike, Start.AddHours(7), "Volume 3x baseline"), CancellationToken.None);
        await alerts.CreateAsync(NewAlert(AlertKind.BrokenPromise, Start.AddHours(8), "Call back promised, not made"), CancellationToken.None);
        await alerts.CreateAsync(NewAlert(AlertKind.Operator, Start.AddHours(9), "X source paused"), CancellationToken.None);
        await alerts.CreateAsync(NewAlert(AlertKind.Mention, Start.AddHours(-22), "Old unanswered") with { FirstResponseDueAt = Start.AddHours(1), Priority = AlertPriority.High }, CancellationToken.None);
        await alerts.CreateAsync(NewAlert(AlertKind.Mention, Start.AddHours(2), "Other brand") with { Brand = "globex" }, CancellationToken.None);
        await alerts.CreateAsync(NewAlert(AlertKind.Mention, End.AddHours(1), "After the period"), CancellationToken.None);
    }

    private static ScoredMention Mention(string externalId, DateTimeOffset createdAt, SentimentLabel sentiment, float complaint, float escalation, params Reason[] reasons) =>
        new(
            new Mention
            {
                Source = "x",
                ExternalId = externalId,
                Brand = "acme",
                Text = "Invented test text " + externalId,
                Author = new MentionAuthor("u-" + externalId, "handle", null, 100, false),
                CreatedAt = createdAt,
                IngestedAt = createdAt,
            },
            new MentionScore(new SentimentScore(sentiment, 0.3f, 0.4f, 0.3f), complaint, new EscalationScore(escalation, EscalationLevel.Medium, reasons), "test"));

    private static NewAlert NewAlert(AlertKind kind, DateTimeOffset at, string title, long? mentionId = null) => new()
    {
        Kind = kind,
        MentionId = mentionId,
        Brand = "acme",
        Team = "care",
        Priority = AlertPriority.Normal,
        Title = title,
        CreatedAt = at,
        Actor = "test",
    };

    private static AlertChange Change(Alert alert, DateTimeOffset at) => new()
    {
        AlertId = alert.Id,
        ExpectedVersion = alert.Version,
        Actor = "agent",
        At = at,
    };
}

[TestClass]
public sealed class SqliteDigestDataSourceTests : DigestDataSourceContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

[TestClass]
public sealed class PostgreSqlDigestDataSourceTests : DigestDataSourceContract
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}

[TestClass]
public sealed class SqlServerDigestDataSourceTests : DigestDataSourceContract
{
    protected override StorageProvider Provider => StorageProvider.SqlServer;
}
