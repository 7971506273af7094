using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Core.Spikes;

namespace SocialWatch.Alerts.Tests.Spikes;

[TestClass]
public sealed class SpikeDetectorTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly SpikeDetector _detector = new(Options.Create(new SpikeOptions()));

    private static WindowCount W(long total, long negative = 0) => new(T, T.AddHours(1), total, negative);

    [TestMethod]
    public void Windows_SameTimeOfWeekWithNeighbours()
    {
        var (current, baseline) = _detector.Windows(T);

        Assert.AreEqual((T.AddHours(-1), T), (current.From, current.To));
        Assert.HasCount(12, baseline);
        Assert.AreEqual((T.AddDays(-7).AddHours(-2), T.AddDays(-7).AddHours(-1)), baseline[0]);
    }

    [TestMethod]
    public void Evaluate_PastSpikeInTheBaseline_DoesNotRaiseTheBar()
    {
        var baseline = Enumerable.Repeat(W(20, 4), 11).Append(W(500, 100)).ToList();

        var signal = _detector.Evaluate(W(60, 12), baseline);

        Assert.IsTrue(signal.Volume);
        Assert.AreEqual(20, signal.Expected);
    }

    [TestMethod]
    public void Evaluate_ModestRiseWithinNoise_IsNoSpike()
    {
        var baseline = new[] { 18L, 22, 25, 15, 20, 19, 24, 21, 17, 23, 20, 16 }.Select(c => W(c, c / 5)).ToList();

        var signal = _detector.Evaluate(W(32, 6), baseline);

        Assert.IsFalse(signal.Fires);
    }

    [TestMethod]
    public void Evaluate_ABrandsFirstMentions_AgainstAnEmptyBaseline_AreNoSpike()
    {
        var empty = Enumerable.Repeat(W(0), 12).ToList();

        var first = _detector.Evaluate(W(9, 9), empty);
        var busyFirstHour = _detector.Evaluate(W(400, 300), empty);

        Assert.IsFalse(first.Fires, "9 of 9 negative with nothing to compare against is not a negativity spike");
        Assert.IsFalse(busyFirstHour.Fires, "nor is a busy first hour a volume spike");
        Assert.IsFalse(busyFirstHour.StillElevated, "and nothing is left to clear later");
    }

    [TestMethod]
    public void Evaluate_OneQuietBaselineWindow_IsStillABaseline()
    {
        var baseline = Enumerable.Repeat(W(0), 11).Append(W(1)).ToList();

        var signal = _detector.Evaluate(W(30, 25), baseline);

        Assert.IsTrue(signal.Volume);
        Assert.IsTrue(signal.Negativity);
    }

    [TestMethod]
    public void PoissonUpperTail_MatchesClosedForms()
    {
        var atLeastOne = SpikeDetector.PoissonUpperTail(1, 1.0);
        var large = SpikeDetector.PoissonUpperTail(2000, 1000);

        Assert.AreEqual(1 - Math.Exp(-1), atLeastOne, 1e-12);
        Assert.IsLessThan(1e-100, large);
        Assert.IsGreaterThan(0.0, large);
    }

    [TestMethod]
    public void BinomialUpperTail_MatchesClosedForms()
    {
        var both = SpikeDetector.BinomialUpperTail(2, 2, 0.5);
        var half = SpikeDetector.BinomialUpperTail(5, 10, 0.5);

        Assert.AreEqual(0.25, both, 1e-12);
        Assert.AreEqual(638.0 / 1024.0, half, 1e-12);
    }
}
