using System.Globalization;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Evaluation;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Training;

/// <summary>What the escalation fit decided, written to metrics.json and the model card.</summary>
public sealed class EscalationTrainingReport
{
    public int Labels { get; set; }

    public int Positives { get; set; }

    public int FeedbackLabels { get; set; }

    public int OutcomeLabels { get; set; }

    public int TrainRows { get; set; }

    public int HeldOutRows { get; set; }

    public int HeldOutPositives { get; set; }

    /// <summary>Held-out escalation AUC of the weights fitted on the training share; null when nothing was fitted.</summary>
    public double? LearnedAuc { get; set; }

    /// <summary>The documented default weights on the same held-out rows.</summary>
    public double? DefaultsAuc { get; set; }

    /// <summary>The weights of the model being replaced on the same rows, when one was given.</summary>
    public double? CurrentAuc { get; set; }

    /// <summary>"learned", "current" or "defaults": whose weights the new model directory carries.</summary>
    public string Chosen { get; set; } = "defaults";

    public string Reason { get; set; } = "";

    public List<string> LearnedFeatures { get; set; } = [];
}

/// <summary>
/// Fits the escalation weights by L2-regularised logistic regression (Newton's method) over the named features, so
/// every weight stays one readable term of the reason list. A stable share of the labels (by text hash) is held out;
/// the fitted weights replace the current ones only when their held-out AUC is not below the defaults' nor the current
/// weights'; otherwise the better of those two (on the same rows) is kept. Features that no label exercises keep their current value and enter the fit as a fixed offset.
/// </summary>
internal static class EscalationFitter
{
    /// <summary>Fewer labels than this (or fewer than <see cref="MinPerClass"/> of either class) keep the weights as they are.</summary>
    public const int MinLabels = 30;

    public const int MinPerClass = 5;

    /// <summary>One label in this many is held out (20%).</summary>
    public const int HeldOutEvery = 5;

    /// <summary>A feature is learned when at least this share of the training labels has it non-zero.</summary>
    private const double MinFeatureShare = 0.05;

    private const double L2 = 0.5;
    private const int MaxIterations = 50;

    public static (EscalationModel Model, EscalationTrainingReport Report) Fit(
        ScoringModel provisional,
        IReadOnlyList<LabeledMention> labels,
        EscalationModel? current,
        Action<string> onProblem)
    {
        var defaults = EscalationModel.Defaults();
        var fallback = current ?? defaults;
        var labelled = labels.Where(l => l.Escalate is not null).ToList();
        var positives = labelled.Count(l => l.Escalate == true);
        var report = new EscalationTrainingReport
        {
            Labels = labelled.Count,
            Positives = positives,
            OutcomeLabels = labelled.Count(l => l.Origin.StartsWith("outcome", StringComparison.Ordinal)),
        };
        report.FeedbackLabels = report.Labels - report.OutcomeLabels;
        if (labelled.Count < MinLabels || positives < MinPerClass || labelled.Count - positives < MinPerClass)
        {
            return Keep(fallback, report, string.Create(CultureInfo.InvariantCulture,
                $"{labelled.Count} escalate labels ({positives} positive) are too few to learn from (at least {MinLabels}, {MinPerClass} of each class)"), onProblem);
        }

        var x = Featurize(provisional, labelled);
        var y = labelled.Select(l => l.Escalate == true).ToArray();
        var heldOut = labelled.Select(l => IsHeldOut(l.Text)).ToArray();
        var train = Enumerable.Range(0, labelled.Count).Where(i => !heldOut[i]).ToArray();
        var test = Enumerable.Range(0, labelled.Count).Where(i => heldOut[i]).ToArray();
        report.TrainRows = train.Length;
        report.HeldOutRows = test.Length;
        report.HeldOutPositives = test.Count(i => y[i]);
        var trainPositives = train.Count(i => y[i]);
        if (trainPositives < MinPerClass || train.Length - trainPositives < MinPerClass
            || report.HeldOutPositives == 0 || report.HeldOutPositives == test.Length)
        {
            return Keep(fallback, report, string.Create(CultureInfo.InvariantCulture,
                $"the held-out share ({test.Length} rows, {report.HeldOutPositives} positive) or the training share lacks one class, so no AUC can be measured"), onProblem);
        }

        var names = EscalationModel.FeatureNames;
        var learn = Enumerable.Range(0, names.Length)
            .Where(j => train.Count(i => x[i][j] != 0f) >= MinFeatureShare * train.Length)
            .ToArray();
        var (bias, weights) = Newton(x, y, train, learn, fallback.Weights);
        var learnedWeights = names.Select((n, j) => (n, fallback.Weights[j])).ToDictionary(p => p.n, p => p.Item2);
        for (var k = 0; k < learn.Length; k++)
        {
            learnedWeights[names[learn[k]]] = (float)weights[k];
        }

        var source = string.Create(CultureInfo.InvariantCulture,
            $"learned from {labelled.Count} escalate labels ({positives} escalate; {report.FeedbackLabels} feedback, {report.OutcomeLabels} outcomes); learned: {string.Join(", ", learn.Select(j => names[j]))}");
        var learned = new EscalationModel((float)bias, learnedWeights, source);
        report.LearnedFeatures = [.. learn.Select(j => names[j])];

        var actual = test.Select(i => y[i]).ToList();
        report.LearnedAuc = Auc(learned, x, test, actual);
        report.DefaultsAuc = Auc(defaults, x, test, actual);
        report.CurrentAuc = current is null ? null : Auc(current, x, test, actual);
        var bestKept = report.CurrentAuc is { } kept && kept >= report.DefaultsAuc ? current! : defaults;
        if (report.LearnedAuc < report.DefaultsAuc)
        {
            return Keep(bestKept, report, string.Create(CultureInfo.InvariantCulture,
                $"the learned weights' held-out AUC {report.LearnedAuc:0.000} is below the defaults' {report.DefaultsAuc:0.000}"), onProblem);
        }

        if (report.CurrentAuc is { } currentAuc && report.LearnedAuc < currentAuc)
        {
            return Keep(bestKept, report, string.Create(CultureInfo.InvariantCulture,
                $"the learned weights' held-out AUC {report.LearnedAuc:0.000} is below the current weights' {currentAuc:0.000}"), onProblem);
        }

        report.Chosen = "learned";
        var against = report.CurrentAuc is { } c ? string.Create(CultureInfo.InvariantCulture, $" and the current weights' {c:0.000}") : "";
        report.Reason = string.Create(CultureInfo.InvariantCulture,
            $"held-out AUC {report.LearnedAuc:0.000} is not below the defaults' {report.DefaultsAuc:0.000}{against}");
        return (learned, report);
    }

    /// <summary>Stable across runs, so a label held out once is never trained on later.</summary>
    internal static bool IsHeldOut(string text) => FeatureHash.Mix(FeatureHash.Token(text)) % HeldOutEvery == 0;

    private static (EscalationModel, EscalationTrainingReport) Keep(EscalationModel model, EscalationTrainingReport report, string reason, Action<string> onProblem)
    {
        report.Chosen = model.Source == "defaults" ? "defaults" : "current";
        report.Reason = reason;
        if (report.Labels > 0)
        {
            onProblem($"escalation: {reason}; keeping the {report.Chosen} weights");
        }

        return (model, report);
    }

    private static float[][] Featurize(ScoringModel provisional, IReadOnlyList<LabeledMention> rows)
    {
        var x = new float[rows.Count][];
        var scratch = new FeatureScratch();
        for (var i = 0; i < rows.Count; i++)
        {
            var score = provisional.Score(rows[i].Input, scratch);
            x[i] = new float[EscalationModel.FeatureNames.Length];
            var cues = scratch.Cues;
            EscalationModel.ComputeFeatures(in cues, score.Sentiment.Negative, score.Complaint, rows[i].Input, x[i]);
        }

        return x;
    }

    private static double Auc(EscalationModel model, float[][] x, int[] rows, List<bool> actual)
    {
        var scores = new List<double>(rows.Length);
        foreach (var i in rows)
        {
            var z = (double)model.Bias;
            for (var j = 0; j < x[i].Length; j++)
            {
                z += model.Weights[j] * x[i][j];
            }

            scores.Add(z);
        }

        return MetricMath.Auc(actual, scores);
    }

    /// <summary>
    /// Newton-Raphson on the penalised log-likelihood (the bias is not penalised). The features not learned add their
    /// fixed weight to every logit. At most 18 unknowns, so the Hessian is solved directly.
    /// </summary>
    private static (double Bias, double[] Weights) Newton(float[][] x, bool[] y, int[] rows, int[] learn, float[] fixedWeights)
    {
        var d = learn.Length + 1;
        var beta = new double[d];
        var offset = new double[rows.Length];
        var learned = new HashSet<int>(learn);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var j = 0; j < fixedWeights.Length; j++)
            {
                if (!learned.Contains(j))
                {
                    offset[r] += fixedWeights[j] * x[rows[r]][j];
                }
            }
        }

        var v = new double[d];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var r = 0; r < rows.Length; r++)
            {
                var row = x[rows[r]];
                v[0] = 1;
                for (var k = 0; k < learn.Length; k++)
                {
                    v[k + 1] = row[learn[k]];
                }

                var z = offset[r];
                for (var k = 0; k < d; k++)
                {
                    z += beta[k] * v[k];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var residual = (y[rows[r]] ? 1 : 0) - p;
                var w = Math.Max(p * (1 - p), 1e-9);
                for (var a = 0; a < d; a++)
                {
                    gradient[a] += residual * v[a];
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[a, b] += w * v[a] * v[b];
                    }
                }
            }

            for (var a = 1; a < d; a++)
            {
                gradient[a] -= L2 * beta[a];
                hessian[a, a] += L2;
            }

            for (var a = 0; a < d; a++)
            {
                for (var b = a + 1; b < d; b++)
                {
                    hessian[a, b] = hessian[b, a];
                }
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var k = 0; k < d; k++)
            {
                beta[k] += step[k];
                change = Math.Max(change, Math.Abs(step[k]));
            }

            if (change < 1e-6)
            {
                break;
            }
        }

        return (beta[0], beta[1..]);
    }

    /// <summary>Gaussian elimination with partial pivoting; the penalty keeps the matrix positive definite.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var r = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (r[col], r[pivot]) = (r[pivot], r[col]);
            }

            var diagonal = Math.Abs(m[col, col]) < 1e-12 ? 1e-12 : m[col, col];
            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / diagonal;
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                r[row] -= factor * r[col];
            }
        }

        var solution = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = r[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * solution[k];
            }

            solution[row] = sum / (Math.Abs(m[row, row]) < 1e-12 ? 1e-12 : m[row, row]);
        }

        return solution;
    }
}
