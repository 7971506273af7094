using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Digests;
using SocialWatch.Core.Scoring;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class DigestBuilderTests
{
    private readonly FakeDigestDataSource _data = new();

    [TestMethod]
    public async Task Build_DailyPeriodAcrossSpringForward_HasOneBarPerRealHour()
    {
        var subscription = Daily("Europe/London", new TimeOnly(0, 0));
        var schedule = DigestSchedule.For(subscription);
        var period = schedule.LatestDue(Utc(2026, 3, 30, 6, 0));
        _data.AddMentions("acme", Utc(2026, 3, 29, 1, 30), 4, 1);

        var report = await Builder().BuildAsync(subscription, schedule, period, Utc(2026, 3, 30, 6, 0), CancellationToken.None);

        Assert.HasCount(23, report.Series);
        Assert.AreEqual("00:00", report.Series[0].Label);
        Assert.AreEqual("02:00", report.Series[1].Label, "01:00 local does not exist on the spring-forward day.");
        Assert.AreEqual(4, report.Series[1].Mentions);
        Assert.AreEqual(1, report.Series[1].Negative);
        Assert.IsFalse(report.IsPartial);
    }

    [TestMethod]
    public async Task Build_WeeklyPeriod_HasOneBarPerLocalDayWithTheShortDayAt23Hours()
    {
        var subscription = Daily("Europe/London", new TimeOnly(0, 0)) with { Cadence = DigestCadence.Weekly, WeeklyOn = DayOfWeek.Monday };
        var schedule = DigestSchedule.For(subscription);
        var now = Utc(2026, 3, 30, 6, 0);
        var period = schedule.LatestDue(now);
        _data.AddMentions("acme", Utc(2026, 3, 29, 22, 30), 3, 3);
        _data.AddMentions("acme", Utc(2026, 3, 29, 23, 30), 5, 0);

        var report = await Builder().BuildAsync(subscription, schedule, period, now, CancellationToken.None);

        Assert.HasCount(7, report.Series);
        Assert.AreEqual("Mon 23 Mar", report.Series[0].Label);
        Assert.AreEqual("Sun 29 Mar", report.Series[6].Label);
        Assert.AreEqual(TimeSpan.FromHours(23), report.Series[6].End - report.Series[6].Start);
        Assert.AreEqual(3, report.Series[6].Mentions, "23:30 BST on Sunday is 22:30 UTC; 23:30 UTC is already Monday and outside the period.");
        Assert.AreEqual(3, report.Volume.Mentions);
    }

    [TestMethod]
    public async Task Build_ComparesVolumeAndNegativeShareWithThePreviousPeriod()
    {
        var (subscription, schedule, period, now) = DailyUtc();
        _data.AddMentions("acme", period.Start.AddHours(2), 40, 10);
        _data.AddMentions("acme", period.PreviousStart.AddHours(2), 20, 2);

        var report = await Builder().BuildAsync(subscription, schedule, period, now, CancellationToken.None);

        Assert.AreEqual(new PeriodVolume(40, 10), report.Volume);
        Assert.AreEqual(new PeriodVolume(20, 2), report.PreviousVolume);
        Assert.AreEqual(1.0, report.VolumeChange!.Value, 1e-9);
        Assert.AreEqual(0.15, report.NegativeShareChange!.Value, 1e-9);
    }

    [TestMethod]
    public async Task Build_CountsOnlyTheSubscribedBrandsInsideThePeriod()
    {
        var (subscription, schedule, period, now) = DailyUtc();
        subscription = subscription with { Brands = ["acme"] };
        _data.AddMentions("acme", period.Start, 2, 0);
        _data.AddMentions("acme", period.End, 7, 0);
        _data.AddMentions("globex", period.Start.AddHours(1), 5, 5);

        var report = await Builder().BuildAsync(subscription, schedule, period, now, CancellationToken.None);

        Assert.AreEqual(2, report.Volume.Mentions);
        Assert.AreEqual(0, report.Volume.Negative);
    }

    [TestMethod]
    public async Task Build_SummarisesAlertsResponsesAndDeadlines()
    {
        var (subscription, schedule, period, now) = DailyUtc();
        var t = period.Start;
        _data.Alerts.AddRange(
        [
            Alert(1, AlertKind.Mention, t.AddHours(1)) with { FirstRespondedAt = t.AddHours(1).AddMinutes(10), FirstResponseDueAt = t.AddHours(2) },
            Alert(2, AlertKind.Mention, t.AddHours(2)) with { FirstRespondedAt = t.AddHours(2).AddMinutes(50), FirstResponseDueAt = t.AddHours(2).AddMinutes(30) },
            Alert(3, AlertKind.Mention, t.AddHours(3)) with { FirstRespondedAt = t.AddHours(3).AddMinutes(30), State = AlertState.Resolved, ResolvedAt = t.AddHours(5) },
            Alert(4, AlertKind.Mention, t.AddHours(-30)) with { FirstResponseDueAt = t.AddHours(4) },
            Alert(5, AlertKind.BrokenPromise, t.AddHours(6)),
            Alert(6, AlertKind.Operator, t.AddHours(6)),
            Alert(7, AlertKind.Spike, t.AddHours(7)),
        ]);

        var report = await Builder().BuildAsync(subscription, schedule, period, now, CancellationToken.None);

        Assert.AreEqual(5, report.Alerts.Opened, "Operator alerts are not care-team work.");
        Assert.AreEqual(1, report.Alerts.Resolved);
        Assert.AreEqual(5, report.Alerts.StillOpen, "1, 2, 4, 5 and 7: alert 3 is resolved and operator alerts do not count.");
        Assert.AreEqual(2, report.Alerts.FirstResponseBreaches, "Alert 2 answered late, alert 4 never answered.");
        Assert.AreEqual(1, report.Alerts.BrokenPromises);
        Assert.AreEqual(TimeSpan.FromMinutes(30), report.Alerts.MedianFirstResponse);
        Assert.AreEqual(3, report.Alerts.Responses);
        Assert.HasCount(1, report.Spikes);
        Assert.AreEqual(new Uri("https://app.example.com/sw/alerts/7"), report.Spikes[0].Link);
    }

    [TestMethod]
    public async Task Build_TopRisks_AreOpenMentionAlertsByScoreWithLinksIntoTheApp()
    {
        var (subscription, schedule, period, now) = DailyUtc();
        _data.Alerts.Add(Alert(10, AlertKind.Mention, period.Start.AddHours(1)) with { MentionId = 100, Title = "Low" });
        _data.Alerts.Add(Alert(11, AlertKind.Mention, period.Start.AddHours(1)) with { MentionId = 101, Title = "High", Priority = AlertPriority.Urgent });
        _data.Alerts.Add(Alert(12, AlertKind.Mention, period.Start.AddHours(1)) with { MentionId = 102, Title = "Closed", State = AlertState.Resolved });
        _data.EscalationByMention[100] = 0.2;
        _data.EscalationByMention[101] = 0.9;
        _data.EscalationByMention[102] = 1.0;

        var report = await Builder().BuildAsync(subscription, schedule, period, now, CancellationToken.None);

        Assert.AreEqual("High, Low", string.Join(", ", report.TopRisks.Select(r => r.Title)));
        Assert.AreEqual("Urgent", report.TopRisks[0].Priority);
        Assert.AreEqual(new Uri("https://app.example.com/sw/alerts/11"), report.TopRisks[0].Link);
    }

    [TestMethod]
    public async Task Build_GrowingReasons_ListOnlyReasonsThatGrewLargestFirst()
    {
        var (subscription, schedule, period, now) = DailyUtc();
        _data.AddMentions("acme", period.Start.AddHours(1), 6, 6, complaint: true, "refund refused", ReasonCodes.LegalThreat);
        _data.AddMentions("acme", period.Start.AddHours(1), 2, 2, complaint: true, "late delivery");
        _data.AddMentions("acme", period.Start.AddHours(1), 9, 0, complaint: false, "ignored");
        _data.AddMentions("acme", period.PreviousStart.AddHours(1), 5, 5, complaint: true, ReasonCodes.LegalThreat, "late delivery");

        var report = await Builder().BuildAsync(subscription, schedule, period, now, CancellationToken.None);

        CollectionAssert.AreEqual(
            new[] { new ReasonGrowth("refund refused", "refund refused", 6, 0), new ReasonGrowth(ReasonCodes.LegalThreat, "legal threat", 6, 5) },
            report.GrowingReasons.ToArray());
    }

    [TestMethod]
    public async Task Build_PeriodStillRunning_IsMarkedPartial()
    {
        var (subscription, schedule, _, now) = DailyUtc();
        var next = schedule.Next(now);

        var report = await Builder().BuildAsync(subscription, schedule, next, now, CancellationToken.None);

        Assert.IsTrue(report.IsPartial);
        Assert.IsTrue(report.IsQuiet);
    }

    [TestMethod]
    public async Task Build_Preview_DoesNotCountDeadlinesThatAreStillAhead()
    {
        var (subscription, schedule, _, now) = DailyUtc();
        var next = schedule.Next(now);
        _data.Alerts.Add(Alert(1, AlertKind.Mention, now.AddMinutes(-30)) with { FirstResponseDueAt = now.AddMinutes(-5) });
        _data.Alerts.Add(Alert(2, AlertKind.Mention, now.AddMinutes(-10)) with { FirstResponseDueAt = now.AddHours(2) });

        var report = await Builder().BuildAsync(subscription, schedule, next, now, CancellationToken.None);

        Assert.AreEqual(1, report.Alerts.FirstResponseBreaches);
    }

    [TestMethod]
    public async Task Build_AppUnderASubPathWithoutTrailingSlash_KeepsThePathInLinks()
    {
        var (subscription, schedule, period, now) = DailyUtc();
        _data.Alerts.Add(Alert(9, AlertKind.Spike, period.Start.AddHours(1)));
        var builder = new DigestBuilder(_data, Options.Create(new DigestOptions { AppBaseUrl = new Uri("https://example.com/socialwatch") }));

        var report = await builder.BuildAsync(subscription, schedule, period, now, CancellationToken.None);

        Assert.AreEqual(new Uri("https://example.com/socialwatch/alerts/9"), report.Spikes.Single().Link);
    }

    [TestMethod]
    public async Task Build_DatabaseFails_Throws()
    {
        var (subscription, schedule, period, now) = DailyUtc();
        _data.Failure = new InvalidOperationException("database is gone");

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => Builder().BuildAsync(subscription, schedule, period, now, CancellationToken.None));
    }

    [TestMethod]
    public void Median_OfAnEvenCount_IsTheMeanOfTheMiddleTwo()
    {
        var median = DigestBuilder.Median([TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(90)]);

        Assert.AreEqual(TimeSpan.FromMinutes(30), median);
    }

    internal DigestBuilder Builder() =>
        new(_data, Options.Create(new DigestOptions { AppBaseUrl = new Uri("https://app.example.com/sw/") }));

    private static (DigestSubscription Subscription, DigestSchedule Schedule, DigestPeriod Period, DateTimeOffset Now) DailyUtc()
    {
        var subscription = Daily("UTC", new TimeOnly(8, 0));
        var schedule = DigestSchedule.For(subscription);
        var now = Utc(2026, 6, 10, 9, 0);
        return (subscription, schedule, schedule.LatestDue(now), now);
    }

    internal static Alert Alert(long id, AlertKind kind, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Kind = kind,
        Brand = "acme",
        Team = "care",
        Title = $"Alert {id}",
        State = AlertState.New,
        Priority = AlertPriority.Normal,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };
}
