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
}
