using System.Globalization;
using System.Text;

namespace SocialWatch.Scoring.Evaluation;

/// <summary>Three-class sentiment metrics. AUC is negative-vs-rest, the decision that matters for complaints.</summary>
public sealed record SentimentMetrics(int Count, double Accuracy, double MacroF1, double NegativeAuc, double? LogLoss, int[][] Confusion)
{
    public static readonly string[] ClassNames = ["negative", "neutral", "positive"];

    /// <summary>Expected calibration error of the predicted label's probability (10 equal-width bins); null without probabilities.</summary>
    public double? Ece { get; init; }

    public string ConfusionText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"actual \\ predicted",-20}{ClassNames[0],10}{ClassNames[1],10}{ClassNames[2],10}");
        for (var a = 0; a < 3; a++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{ClassNames[a],-20}{Confusion[a][0],10}{Confusion[a][1],10}{Confusion[a][2],10}");
        }

        return sb.ToString();
    }
}

/// <summary>Binary metrics at a decision threshold (0.5 unless said) plus the threshold-free AUC and calibration error.</summary>
public sealed record BinaryMetrics(int Count, int Positives, double Accuracy, double Precision, double Recall, double F1, double Auc)
{
    public double Threshold { get; init; } = 0.5;

    /// <summary>Mean of the F1 of the positive and of the negative class, the figure published complaint-detection work reports.</summary>
    public double MacroF1 { get; init; }

    /// <summary>Expected calibration error of the probability (10 equal-width bins).</summary>
    public double Ece { get; init; }

    /// <summary>Misses and false alarms at the threshold, for the cost rule.</summary>
    public int FalseNegatives { get; init; }

    public int FalsePositives { get; init; }
}

internal static class MetricMath
{
    public static SentimentMetrics Sentiment(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IReadOnlyList<double> negativeScore, IReadOnlyList<double[]>? probabilities)
    {
        var confusion = new int[3][];
        for (var k = 0; k < 3; k++)
        {
            confusion[k] = new int[3];
        }

        var correct = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            confusion[actual[i]][predicted[i]]++;
            if (actual[i] == predicted[i])
            {
                correct++;
            }
        }

        var f1Sum = 0.0;
        for (var k = 0; k < 3; k++)
        {
            var tp = confusion[k][k];
            var fp = 0;
            var fn = 0;
            for (var j = 0; j < 3; j++)
            {
                if (j != k)
                {
                    fp += confusion[j][k];
                    fn += confusion[k][j];
                }
            }

            f1Sum += F1(tp, fp, fn);
        }

        double? logLoss = null;
        if (probabilities is not null)
        {
            var sum = 0.0;
            for (var i = 0; i < actual.Count; i++)
            {
                sum -= Math.Log(Math.Max(probabilities[i][actual[i]], 1e-15));
            }

            logLoss = actual.Count == 0 ? 0 : sum / actual.Count;
        }

        double? ece = null;
        if (probabilities is not null)
        {
            var hit = new bool[actual.Count];
            var confidence = new double[actual.Count];
            for (var i = 0; i < actual.Count; i++)
            {
                hit[i] = actual[i] == predicted[i];
                confidence[i] = probabilities[i][predicted[i]];
            }

            ece = ExpectedCalibrationError(hit, confidence);
        }

        var isNegative = actual.Select(a => a == 0).ToArray();
        return new SentimentMetrics(
            actual.Count,
            actual.Count == 0 ? 0 : (double)correct / actual.Count,
            f1Sum / 3,
            Auc(isNegative, negativeScore),
            logLoss,
            confusion)
        {
            Ece = ece,
        };
    }

    /// <summary>
    /// Expected calibration error: the probabilities are put in <paramref name="bins"/> equal-width bins over [0, 1];
    /// each bin adds |mean probability − share of positives| weighted by its share of the rows.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<bool> actual, IReadOnlyList<double> probability, int bins = 10)
    {
        if (actual.Count == 0)
        {
            return double.NaN;
        }

        var count = new int[bins];
        var sumP = new double[bins];
        var positives = new int[bins];
        for (var i = 0; i < actual.Count; i++)
        {
            var p = Math.Clamp(probability[i], 0, 1);
            var b = Math.Min(bins - 1, (int)(p * bins));
            count[b]++;
            sumP[b] += p;
            if (actual[i])
            {
                positives[b]++;
            }
        }

        var ece = 0.0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs((sumP[b] / count[b]) - ((double)positives[b] / count[b])) * count[b] / actual.Count;
            }
        }

        return ece;
    }

    public static BinaryMetrics Binary(IReadOnlyList<bool> actual, IReadOnlyList<double> score, double threshold = 0.5)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var predicted = score[i] >= threshold;
            if (predicted && actual[i])
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (actual[i])
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return new BinaryMetrics(
            actual.Count,
            tp + fn,
            actual.Count == 0 ? 0 : (double)(tp + tn) / actual.Count,
            precision,
            recall,
            F1(tp, fp, fn),
            Auc(actual, score))
        {
            Threshold = threshold,
            MacroF1 = (F1(tp, fp, fn) + F1(tn, fn, fp)) / 2,
            Ece = ExpectedCalibrationError(actual, score),
            FalseNegatives = fn,
            FalsePositives = fp,
        };
    }

    public static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);

    /// <summary>Area under the ROC curve by the rank-sum statistic, ties counted half. NaN when one class is absent.</summary>
    public static double Auc(IReadOnlyList<bool> actual, IReadOnlyList<double> score)
    {
        var order = Enumerable.Range(0, actual.Count).OrderBy(i => score[i]).ToArray();
        double positives = actual.Count(a => a);
        var negatives = actual.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var rankSum = 0.0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && score[order[j + 1]] == score[order[i]])
            {
                j++;
            }

            var averageRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (actual[order[k]])
                {
                    rankSum += averageRank;
                }
            }

            i = j + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
