using System.Globalization;
using System.Text;

namespace SocialWatch.Scoring.Evaluation;

/// <summary>Metrics of one scorer on one labelled set; a part is null when the set has no labels of that kind.</summary>
public sealed record EvaluationReport(string Set, string Scorer, int Count)
{
    public SentimentMetrics? Sentiment { get; init; }

    public BinaryMetrics? Complaint { get; init; }

    public BinaryMetrics? Escalation { get; init; }

    /// <summary>Complaint decisions at the model's cost-rule threshold (<see cref="Complaint"/> is at 0.5, for comparison).</summary>
    public BinaryMetrics? ComplaintAtThreshold { get; init; }

    public double MissedComplaintCost { get; init; } = 4;

    public double DismissedComplaintCost { get; init; } = 1;

    /// <summary>Cost per 100 mentions of the complaint decisions at a threshold, by the model's cost rule.</summary>
    public double CostPer100(BinaryMetrics m) =>
        m.Count == 0 ? 0 : 100 * ((m.FalseNegatives * MissedComplaintCost) + (m.FalsePositives * DismissedComplaintCost)) / m.Count;

    /// <summary>
    /// One number to compare two models on the same labels: the mean of sentiment macro-F1, complaint AUC and
    /// escalation AUC over the parts that have labels (NaN parts skipped).
    /// </summary>
    public double Quality
    {
        get
        {
            var parts = new List<double>(3);
            if (Sentiment is { Count: > 0 } s)
            {
                parts.Add(s.MacroF1);
            }

            if (Complaint is { Count: > 0 } c && !double.IsNaN(c.Auc))
            {
                parts.Add(c.Auc);
            }

            if (Escalation is { Count: > 0 } e && !double.IsNaN(e.Auc))
            {
                parts.Add(e.Auc);
            }

            return parts.Count == 0 ? double.NaN : parts.Average();
        }
    }

    public string ToText(bool includeConfusion = true)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Scorer} on {Set} ({Count} rows)");
        if (Sentiment is { } s)
        {
            var logLoss = (s.LogLoss is { } ll ? "  log-loss=" + F(ll) : "") + (s.Ece is { } ece ? "  ECE=" + F(ece) : "");
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  sentiment  n={s.Count}  accuracy={F(s.Accuracy)}  macro-F1={F(s.MacroF1)}  AUC(neg-vs-rest)={F(s.NegativeAuc)}{logLoss}");
            if (includeConfusion)
            {
                foreach (var line in s.ConfusionText().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    sb.Append("    ").AppendLine(line);
                }
            }
        }

        AppendBinary(sb, "complaint ", Complaint);
        if (Complaint is { } c)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    cost per 100 mentions at 0.5 = {F(CostPer100(c))} (missed complaint {MissedComplaintCost:0.##}, dismissed {DismissedComplaintCost:0.##})");
        }

        if (ComplaintAtThreshold is { } t)
        {
            AppendBinary(sb, $"complaint @{t.Threshold:0.00}", t);
            sb.AppendLine(CultureInfo.InvariantCulture, $"    cost per 100 mentions at {t.Threshold:0.00} = {F(CostPer100(t))}");
        }

        AppendBinary(sb, "escalation", Escalation);
        return sb.ToString();
    }

    private static void AppendBinary(StringBuilder sb, string name, BinaryMetrics? m)
    {
        if (m is null)
        {
            return;
        }

        sb.AppendLine(CultureInfo.InvariantCulture,
            $"  {name} n={m.Count} (positives {m.Positives})  accuracy={F(m.Accuracy)}  precision={F(m.Precision)}  recall={F(m.Recall)}  F1={F(m.F1)}  macro-F1={F(m.MacroF1)}  AUC={F(m.Auc)}  ECE={F(m.Ece)}");
    }

    internal static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);
}
