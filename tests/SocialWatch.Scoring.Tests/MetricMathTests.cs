using SocialWatch.Scoring.Evaluation;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class MetricMathTests
{
    [TestMethod]
    public void Auc_IsOne_ForAPerfectRanking_AndHalf_ForTies()
    {
        var perfect = MetricMath.Auc([false, false, true, true], [0.1, 0.2, 0.8, 0.9]);
        var ties = MetricMath.Auc([false, true, false, true], [0.5, 0.5, 0.5, 0.5]);

        Assert.AreEqual(1.0, perfect, 1e-12);
        Assert.AreEqual(0.5, ties, 1e-12);
    }

    [TestMethod]
    public void Auc_CountsOrderedPairs()
    {
        // Positives 0.4 and 0.8; negatives 0.3 and 0.6: 3 of the 4 pairs are ordered.
        var auc = MetricMath.Auc([true, false, false, true], [0.4, 0.3, 0.6, 0.8]);

        Assert.AreEqual(0.75, auc, 1e-12);
    }

    [TestMethod]
    public void Sentiment_ComputesAccuracyMacroF1AndConfusion()
    {
        int[] actual = [0, 0, 1, 1, 2, 2];
        int[] predicted = [0, 1, 1, 1, 2, 0];

        var m = MetricMath.Sentiment(actual, predicted, [0.9, 0.4, 0.1, 0.2, 0.1, 0.6], null);

        Assert.AreEqual(4.0 / 6, m.Accuracy, 1e-12);
        // F1 per class: negative 2*1/(2+1+1)=0.5, neutral 2*2/(4+1)=0.8, positive 2*1/(2+0+1)=2/3.
        Assert.AreEqual((0.5 + 0.8 + (2.0 / 3)) / 3, m.MacroF1, 1e-12);
        Assert.AreEqual(1, m.Confusion[2][0]);
        Assert.AreEqual(1, m.Confusion[0][1]);
    }

    [TestMethod]
    public void ExpectedCalibrationError_WeighsEachBinsGapByItsShareOfRows()
    {
        // Bin [0.1, 0.2): 0.15 and 0.15, none positive -> gap 0.15; bin [0.8, 0.9): 0.85 twice, one positive -> gap 0.35.
        var ece = MetricMath.ExpectedCalibrationError([false, false, true, false], [0.15, 0.15, 0.85, 0.85]);

        Assert.AreEqual((0.5 * 0.15) + (0.5 * 0.35), ece, 1e-12);
    }

    [TestMethod]
    public void ExpectedCalibrationError_IsZero_WhenEachBinsShareMatchesItsProbability()
    {
        // Ten rows at 0.3 with three positives, ten at 0.9 with nine, and 1.0 falls in the top bin.
        var actual = new List<bool>();
        var probability = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            actual.Add(i < 3);
            probability.Add(0.3);
            actual.Add(i < 9);
            probability.Add(0.9);
        }

        actual.Add(true);
        probability.Add(1.0);

        Assert.AreEqual(0.0, MetricMath.ExpectedCalibrationError(actual, probability), 1e-4);
    }

    [TestMethod]
    public void Binary_ReportsMacroF1AndErrors_AtTheGivenThreshold()
    {
        bool[] actual = [true, true, false, false];
        double[] score = [0.9, 0.3, 0.25, 0.1];

        var atHalf = MetricMath.Binary(actual, score);
        var atFifth = MetricMath.Binary(actual, score, 0.2);

        // 0.5: tp 1, fn 1, tn 2 -> F1 positive 2/3, negative 2*2/(4+1) = 0.8.
        Assert.AreEqual(((2.0 / 3) + 0.8) / 2, atHalf.MacroF1, 1e-12);
        Assert.AreEqual(1, atHalf.FalseNegatives);
        Assert.AreEqual(0, atFifth.FalseNegatives);
        Assert.AreEqual(1, atFifth.FalsePositives);
        Assert.AreEqual(0.2, atFifth.Threshold);
    }
}
