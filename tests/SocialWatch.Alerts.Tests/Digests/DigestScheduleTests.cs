using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class DigestScheduleTests
{
    [TestMethod]
    public void LatestDue_DailyAcrossSpringForwardInLondon_Is23HoursLong()
    {
        var schedule = DigestSchedule.For(Daily("Europe/London", new TimeOnly(0, 0)));

        var period = schedule.LatestDue(Utc(2026, 3, 30, 6, 0));

        Assert.AreEqual(Utc(2026, 3, 29, 0, 0), period.Start);
        Assert.AreEqual(Utc(2026, 3, 29, 23, 0), period.End);
        Assert.AreEqual(TimeSpan.FromHours(23), period.Length);
        Assert.AreEqual(Utc(2026, 3, 28, 0, 0), period.PreviousStart);
        Assert.AreEqual(TimeSpan.FromHours(24), period.PreviousEnd - period.PreviousStart);
    }

    [TestMethod]
    public void LatestDue_DailyAcrossFallBackInNewYork_Is25HoursLong()
    {
        var schedule = DigestSchedule.For(Daily("America/New_York", new TimeOnly(8, 0)));

        var period = schedule.LatestDue(Utc(2026, 11, 1, 14, 0));

        Assert.AreEqual(Utc(2026, 10, 31, 12, 0), period.Start);
        Assert.AreEqual(Utc(2026, 11, 1, 13, 0), period.End);
        Assert.AreEqual(TimeSpan.FromHours(25), period.Length);
    }

    [TestMethod]
    public void LatestDue_SendTimeSkippedBySpringForward_FiresWhenTheClocksJump()
    {
        var schedule = DigestSchedule.For(Daily("America/New_York", new TimeOnly(2, 30)));

        var period = schedule.LatestDue(Utc(2026, 3, 8, 8, 0));

        Assert.AreEqual(Utc(2026, 3, 8, 7, 0), period.End, "02:30 does not exist on 8 March; the digest goes at 03:00 EDT.");
        Assert.AreEqual(Utc(2026, 3, 7, 7, 30), period.Start);
    }

    [TestMethod]
    public void LatestDue_SendTimeRepeatedByFallBack_FiresOnlyOnce()
    {
        var schedule = DigestSchedule.For(Daily("America/New_York", new TimeOnly(1, 30)));

        var onTheDay = schedule.LatestDue(Utc(2026, 11, 1, 12, 0));
        var dayAfter = schedule.LatestDue(Utc(2026, 11, 2, 12, 0));

        Assert.AreEqual(Utc(2026, 11, 1, 5, 30), onTheDay.End, "01:30 EDT, the first of the two 01:30s.");
        Assert.AreEqual(Utc(2026, 11, 1, 5, 30), dayAfter.Start, "The repeated 01:30 EST does not start another period.");
        Assert.AreEqual(TimeSpan.FromHours(25), dayAfter.Length);
    }

    [TestMethod]
    public void LatestDue_WeeklyAcrossSpringForward_IsOneHourShortOfAWeek()
    {
        var schedule = DigestSchedule.For(Daily("Europe/London", new TimeOnly(9, 0)) with { Cadence = DigestCadence.Weekly, WeeklyOn = DayOfWeek.Monday });

        var period = schedule.LatestDue(Utc(2026, 3, 30, 10, 0));

        Assert.AreEqual(Utc(2026, 3, 23, 9, 0), period.Start);
        Assert.AreEqual(Utc(2026, 3, 30, 8, 0), period.End);
        Assert.AreEqual(TimeSpan.FromHours(167), period.Length);
        Assert.AreEqual(Utc(2026, 3, 16, 9, 0), period.PreviousStart);
    }

    [TestMethod]
    public void LatestDue_AfterThreeDaysDown_IsOnlyTheMostRecentPeriod()
    {
        var schedule = DigestSchedule.For(Daily("Europe/London", new TimeOnly(8, 0)));

        var period = schedule.LatestDue(Utc(2026, 6, 10, 12, 0));

        Assert.AreEqual(Utc(2026, 6, 9, 7, 0), period.Start);
        Assert.AreEqual(Utc(2026, 6, 10, 7, 0), period.End);
    }

    [TestMethod]
    public void LatestDue_AtTheExactSendTime_IncludesThePeriodEndingNow()
    {
        var schedule = DigestSchedule.For(Daily("UTC", new TimeOnly(8, 0)));

        var period = schedule.LatestDue(Utc(2026, 6, 10, 8, 0));

        Assert.AreEqual(Utc(2026, 6, 10, 8, 0), period.End);
    }

    [TestMethod]
    public void LatestDue_CustomWeekdayCron_CoversTheWeekendOnMonday()
    {
        var schedule = DigestSchedule.For(Daily("Europe/Berlin", default) with { Cadence = DigestCadence.Custom, Cron = "0 9 * * 1-5" });

        var period = schedule.LatestDue(Utc(2026, 11, 23, 10, 0));

        Assert.AreEqual("0 9 * * 1-5", schedule.Cron);
        Assert.AreEqual(Utc(2026, 11, 20, 8, 0), period.Start);
        Assert.AreEqual(Utc(2026, 11, 23, 8, 0), period.End);
        Assert.AreEqual(Utc(2026, 11, 19, 8, 0), period.PreviousStart);
    }

    [TestMethod]
    public void Next_CoversFromTheLastSendTimeToTheNextOne()
    {
        var schedule = DigestSchedule.For(Daily("Europe/London", new TimeOnly(8, 0)));

        var period = schedule.Next(Utc(2026, 6, 10, 12, 0));

        Assert.AreEqual(Utc(2026, 6, 10, 7, 0), period.Start);
        Assert.AreEqual(Utc(2026, 6, 11, 7, 0), period.End);
        Assert.AreEqual(Utc(2026, 6, 9, 7, 0), period.PreviousStart);
    }

    [TestMethod]
    public void For_DailyAndWeekly_GiveHangfireAFiveFieldCron()
    {
        var daily = DigestSchedule.For(Daily("Europe/London", new TimeOnly(7, 45)));
        var weekly = DigestSchedule.For(Daily("Europe/London", new TimeOnly(7, 45)) with { Cadence = DigestCadence.Weekly, WeeklyOn = DayOfWeek.Friday });

        Assert.AreEqual("45 7 * * *", daily.Cron);
        Assert.AreEqual("45 7 * * 5", weekly.Cron);
        Assert.AreEqual("Europe/London", daily.TimeZone.Id);
    }

    [TestMethod]
    [DataRow("*/5 * * * *", "cron")]
    [DataRow("not a cron", "cron")]
    [DataRow("0 0 9 * * *", "cron")]
    [DataRow("0 9 30 2 *", "cron")]
    public void For_UnusableCustomCron_IsRejectedWithAFieldError(string cron, string field)
    {
        var subscription = Daily("UTC", default) with { Cadence = DigestCadence.Custom, Cron = cron };

        var error = Assert.ThrowsExactly<DigestValidationException>(() => DigestSchedule.For(subscription));

        Assert.IsTrue(error.Errors.ContainsKey(field), string.Join("; ", error.Errors));
    }

    [TestMethod]
    public void For_UnknownTimeZone_IsRejected()
    {
        var error = Assert.ThrowsExactly<DigestValidationException>(() => DigestSchedule.For(Daily("Mars/Olympus_Mons", new TimeOnly(8, 0))));

        Assert.IsTrue(error.Errors.ContainsKey("timeZone"));
    }

    internal static DigestSubscription Daily(string timeZone, TimeOnly at) => new()
    {
        Id = 1,
        Name = "Care leads",
        Recipients = ["lead@example.com"],
        Cadence = DigestCadence.Daily,
        SendAt = at,
        TimeZoneId = timeZone,
    };

    internal static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
