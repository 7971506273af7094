using SocialWatch.Scoring.Evaluation;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Training;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class CalibrationFitterTests
{
    [TestMethod]
    public void FitPlatt_MakesOverconfidentScoresCalibrated_OnAFixedSet()
    {
        // Raw scores whose true probability is sigmoid(0.5·x − 1): the identity link (sigmoid(x)) is overconfident.
        var (raw, label) = FixedSet(n: 4_000, trueSlope: 0.5, trueOffset: -1, seed: 7);
        var weight = Enumerable.Repeat(1.0, raw.Count).ToList();
        var before = raw.Select(x => 1 / (1 + Math.Exp(-x))).ToList();

        var fitted = CalibrationFitter.FitPlatt(raw, label, weight);

        Assert.IsNotNull(fitted);
        var (slope, offset) = fitted.Value;
        var after = raw.Select(x => 1 / (1 + Math.Exp((slope * x) + offset))).ToList();
        Assert.AreEqual(-0.5, slope, 0.08);
        Assert.AreEqual(1.0, offset, 0.15);
        Assert.IsGreaterThan(0.1, MetricMath.ExpectedCalibrationError(label, before));
        Assert.IsLessThan(0.03, MetricMath.ExpectedCalibrationError(label, after));
        Assert.AreEqual(MetricMath.Auc(label, before), MetricMath.Auc(label, after), 1e-12);
    }

    [TestMethod]
    public void FitPlatt_KeepsTheIdentity_WhenAClassHasTooFewRows()
    {
        var raw = Enumerable.Range(0, 200).Select(i => i / 100.0).ToList();
        var label = raw.Select((_, i) => i < 5).ToList();

        var fitted = CalibrationFitter.FitPlatt(raw, label, Enumerable.Repeat(1.0, raw.Count).ToList());

        Assert.IsNull(fitted);
    }

    [TestMethod]
    public void FitTemperature_RecoversTheTemperatureOfSharpenedLogits()
    {
        // Labels drawn from softmax(z); the model reports 2·z, so the right temperature is 2.
        var random = new Random(11);
        var logits = new List<(float, float, float)>();
        var label = new List<int>();
        for (var i = 0; i < 6_000; i++)
        {
            double z0 = (random.NextDouble() * 4) - 2, z1 = (random.NextDouble() * 4) - 2, z2 = (random.NextDouble() * 4) - 2;
            var e = new[] { Math.Exp(z0), Math.Exp(z1), Math.Exp(z2) };
            var u = random.NextDouble() * e.Sum();
            label.Add(u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2);
            logits.Add(((float)(2 * z0), (float)(2 * z1), (float)(2 * z2)));
        }

        var temperature = CalibrationFitter.FitTemperature(logits, label, Enumerable.Repeat(1.0, label.Count).ToList());

        Assert.AreEqual(2.0, temperature, 0.15);
    }

    [TestMethod]
    public void ComplaintThreshold_FollowsTheCostRule()
    {
        var fourToOne = new ScoreCalibration { MissedComplaintCost = 4, DismissedComplaintCost = 1 };
        var even = new ScoreCalibration { MissedComplaintCost = 1, DismissedComplaintCost = 1 };

        Assert.AreEqual(0.2, fourToOne.ComplaintThreshold, 1e-12);
        Assert.AreEqual(0.5, even.ComplaintThreshold, 1e-12);
    }

    private static (List<double> Raw, List<bool> Label) FixedSet(int n, double trueSlope, double trueOffset, int seed)
    {
        var random = new Random(seed);
        var raw = new List<double>(n);
        var label = new List<bool>(n);
        for (var i = 0; i < n; i++)
        {
            var x = (random.NextDouble() * 12) - 6;
            raw.Add(x);
            label.Add(random.NextDouble() < 1 / (1 + Math.Exp(-((trueSlope * x) + trueOffset))));
        }

        return (raw, label);
    }
}
