using SocialWatch.Alerts.Sla;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Tests.Sla;

[TestClass]
public sealed class WorkingTimeCalculatorTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Five = new(17, 0);

    private static TeamProfile OfficeHours(string zone) => new()
    {
        Name = "care",
        TimeZoneId = zone,
        WorkingHours = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingPeriod(d, Nine, Five))],
    };

    [TestMethod]
    public void Add_WithinOneWorkingDay_AddsWallTime()
    {
        // Monday 2 March 2026, 10:00 in Berlin (CET, UTC+1).
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        var due = WorkingTimeCalculator.Add(OfficeHours("Europe/Berlin"), start, TimeSpan.FromHours(4));

        Assert.AreEqual(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), due);
    }

    [TestMethod]
    public void Add_PastFridayClosing_ContinuesMondayMorning()
    {
        // Friday 6 March 2026, 16:00 Berlin: one working hour left that day.
        var start = new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.Zero);

        var due = WorkingTimeCalculator.Add(OfficeHours("Europe/Berlin"), start, TimeSpan.FromHours(2));

        Assert.AreEqual(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), due, "Monday 10:00 Berlin");
    }

    [TestMethod]
    public void Add_OverAWeekendWithADstChange_UsesTheNewOffset()
    {
        // Friday 6 March 2026, 16:00 New York (EST, UTC-5); clocks go forward on Sunday 8 March.
        var start = new DateTimeOffset(2026, 3, 6, 21, 0, 0, TimeSpan.Zero);

        var due = WorkingTimeCalculator.Add(OfficeHours("America/New_York"), start, TimeSpan.FromHours(2));

        Assert.AreEqual(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero), due, "Monday 10:00 EDT = 14:00 UTC");
    }

    [TestMethod]
    public void Add_AcrossTheShortDstDay_CountsItsRealTwentyThreeHours()
    {
        // Staffed all Sunday; on 29 March 2026 Berlin skips 02:00-03:00, so Sunday lasts 23 hours.
        var team = new TeamProfile { Name = "pr", TimeZoneId = "Europe/Berlin", WorkingHours = [new(DayOfWeek.Sunday, TimeOnly.MinValue, TimeOnly.MinValue)] };
        var sundayMidnight = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);

        var endOfSunday = WorkingTimeCalculator.Add(team, sundayMidnight, TimeSpan.FromHours(23));
        var oneMore = WorkingTimeCalculator.Add(team, sundayMidnight, TimeSpan.FromHours(24));

        Assert.AreEqual(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), endOfSunday);
        Assert.AreEqual(new DateTimeOffset(2026, 4, 4, 23, 0, 0, TimeSpan.Zero), oneMore, "the 24th hour falls on the next Sunday, 00:00-01:00 CEST");
    }

    [TestMethod]
    public void Add_PeriodStartingInsideTheSpringForwardGap_StartsWhenTheClockResumes()
    {
        var team = new TeamProfile { Name = "pr", TimeZoneId = "Europe/Berlin", WorkingHours = [new(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(4, 0))] };
        var saturday = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);

        var due = WorkingTimeCalculator.Add(team, saturday, TimeSpan.FromMinutes(30));

        Assert.AreEqual(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), due, "03:00 CEST is 01:00 UTC, plus 30 minutes");
    }

    [TestMethod]
    public void Add_StartingOnASaturday_WaitsForMondayOpening()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero);

        var due = WorkingTimeCalculator.Add(OfficeHours("UTC"), saturday, TimeSpan.FromMinutes(90));

        Assert.AreEqual(new DateTimeOffset(2026, 3, 9, 10, 30, 0, TimeSpan.Zero), due);
    }

    [TestMethod]
    public void Add_TeamWithoutHours_RunsAroundTheClock()
    {
        var start = new DateTimeOffset(2026, 3, 7, 22, 0, 0, TimeSpan.Zero);

        var due = WorkingTimeCalculator.Add(new TeamProfile { Name = "pr" }, start, TimeSpan.FromHours(5));

        Assert.AreEqual(start.AddHours(5), due);
    }

    [TestMethod]
    public void IsWorking_FollowsTheTeamsLocalHours()
    {
        var team = OfficeHours("America/New_York");

        var at14Utc = WorkingTimeCalculator.IsWorking(team, new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));
        var at13Utc = WorkingTimeCalculator.IsWorking(team, new DateTimeOffset(2026, 3, 2, 13, 30, 0, TimeSpan.Zero));

        Assert.IsTrue(at14Utc, "09:30 EST");
        Assert.IsFalse(at13Utc, "08:30 EST");
    }
}
