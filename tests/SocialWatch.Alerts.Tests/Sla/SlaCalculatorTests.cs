using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Sla;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Tests.Sla;

[TestClass]
public sealed class SlaCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 15, 0, 0, TimeSpan.Zero);
    private readonly SlaCalculator _calculator = new(Options.Create(new SlaOptions { TightenBelowDoublingTime = TimeSpan.FromHours(6), MinTighteningFactor = 0.2 }));

    private static EngagementVelocity Doubling(TimeSpan? every) => new(0, 100, every);

    [TestMethod]
    public void Compute_BusinessHoursTarget_RunsInTheTeamsHours_UrgentRunsOnTheWallClock()
    {
        var team = new TeamProfile { Name = "care", TimeZoneId = "UTC", WorkingHours = [new(DayOfWeek.Friday, new(9, 0), new(17, 0)), new(DayOfWeek.Monday, new(9, 0), new(17, 0))] };

        var normal = SlaCalculator.Compute(SlaPolicy.Default, AlertPriority.Normal, team, Now);
        var urgent = SlaCalculator.Compute(SlaPolicy.Default, AlertPriority.Urgent, team, Now);

        Assert.AreEqual(new DateTimeOffset(2026, 3, 9, 11, 0, 0, TimeSpan.Zero), normal.FirstResponseDueAt, "2h Friday + 2h Monday");
        Assert.AreEqual(Now.AddMinutes(30), urgent.FirstResponseDueAt);
        Assert.AreEqual(Now.AddHours(4), urgent.ResolveDueAt);
    }

    [TestMethod]
    public void Compute_PolicyWithoutTheTarget_FallsBackToTheDefaultPolicy()
    {
        var policy = new SlaPolicy { Name = "vip", Targets = [new(AlertPriority.Urgent, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), false)] };

        var low = SlaCalculator.Compute(policy, AlertPriority.Low, new TeamProfile { Name = "care" }, Now);
        var urgent = SlaCalculator.Compute(policy, AlertPriority.Urgent, new TeamProfile { Name = "care" }, Now);

        Assert.AreEqual(Now.AddHours(8), low.FirstResponseDueAt);
        Assert.AreEqual(Now.AddMinutes(5), urgent.FirstResponseDueAt);
    }

    [TestMethod]
    [DataRow(null, 1.0)]
    [DataRow(12.0, 1.0)]
    [DataRow(6.0, 1.0)]
    [DataRow(3.0, 0.5)]
    [DataRow(1.5, 0.25)]
    [DataRow(0.1, 0.2)]
    public void TighteningFactor_FallsWithTheDoublingTimeDownToTheFloor(double? doublingHours, double expected)
    {
        var velocity = Doubling(doublingHours is { } h ? TimeSpan.FromHours(h) : null);

        var factor = _calculator.TighteningFactor(velocity);

        Assert.AreEqual(expected, factor, 1e-9);
    }

    [TestMethod]
    public void Tighten_FastSpread_BringsTheDeadlineForward()
    {
        var due = Now.AddHours(4);

        var tightened = _calculator.Tighten(due, Now, TimeSpan.FromHours(4), Doubling(TimeSpan.FromHours(1.5)));

        Assert.AreEqual(Now.AddHours(1), tightened);
    }

    [TestMethod]
    public void Tighten_NeverMovesADeadlineLater()
    {
        var due = Now.AddMinutes(10);

        var tightened = _calculator.Tighten(due, Now, TimeSpan.FromHours(4), Doubling(TimeSpan.FromHours(3)));

        Assert.AreEqual(due, tightened);
    }

    [TestMethod]
    public void ShouldRaisePriority_OnlyBelowTheThreshold()
    {
        var fast = _calculator.ShouldRaisePriority(Doubling(TimeSpan.FromMinutes(40)));
        var slow = _calculator.ShouldRaisePriority(Doubling(TimeSpan.FromMinutes(90)));

        Assert.IsTrue(fast);
        Assert.IsFalse(slow);
    }
}
