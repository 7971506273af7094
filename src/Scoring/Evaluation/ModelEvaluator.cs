using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Vader;

namespace SocialWatch.Scoring.Evaluation;

/// <summary>Scores a labelled set with a model (or with VADER) and computes the metrics.</summary>
internal static class ModelEvaluator
{
    public static EvaluationReport Evaluate(ScoringModel model, IReadOnlyList<LabeledMention> set, string setName)
    {
        var scores = new MentionScore[set.Count];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, set.Count, 2048),
            () => new FeatureScratch(),
            (range, _, scratch) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    scores[i] = model.Score(set[i].Input, scratch);
                }

                return scratch;
            },
            _ => { });
        return Report(set, setName, "model " + model.Version, i => scores[i], model.Calibration);
    }

    public static EvaluationReport EvaluateVader(VaderAnalyzer vader, IReadOnlyList<LabeledMention> set, string setName)
    {
        var compound = new double[set.Count];
        var labels = new SentimentLabel[set.Count];
        Parallel.For(0, set.Count, i =>
        {
            var v = vader.PolarityScores(set[i].Text);
            compound[i] = v.Compound;
            labels[i] = v.Label;
        });

        var actual = new List<int>();
        var predicted = new List<int>();
        var negScore = new List<double>();
        for (var i = 0; i < set.Count; i++)
        {
            if (set[i].Sentiment is { } s)
            {
                actual.Add((int)s);
                predicted.Add((int)labels[i]);
                negScore.Add(-compound[i]);
            }
        }

        return new EvaluationReport(setName, "VADER", set.Count)
        {
            Sentiment = actual.Count > 0 ? MetricMath.Sentiment(actual, predicted, negScore, null) : null,
        };
    }

    private static EvaluationReport Report(IReadOnlyList<LabeledMention> set, string setName, string scorer, Func<int, MentionScore> score, ScoreCalibration calibration)
    {
        var actual = new List<int>();
        var predicted = new List<int>();
        var negScore = new List<double>();
        var probabilities = new List<double[]>();
        var complaintActual = new List<bool>();
        var complaintScore = new List<double>();
        var escalateActual = new List<bool>();
        var escalateScore = new List<double>();
        for (var i = 0; i < set.Count; i++)
        {
            var s = score(i);
            if (set[i].Sentiment is { } label)
            {
                actual.Add((int)label);
                predicted.Add((int)s.Sentiment.Label);
                negScore.Add(s.Sentiment.Negative);
                probabilities.Add([s.Sentiment.Negative, s.Sentiment.Neutral, s.Sentiment.Positive]);
            }

            if (set[i].Complaint is { } c)
            {
                complaintActual.Add(c);
                complaintScore.Add(s.Complaint);
            }

            if (set[i].Escalate is { } e)
            {
                escalateActual.Add(e);
                escalateScore.Add(s.Escalation.Score);
            }
        }

        return new EvaluationReport(setName, scorer, set.Count)
        {
            Sentiment = actual.Count > 0 ? MetricMath.Sentiment(actual, predicted, negScore, probabilities) : null,
            Complaint = complaintActual.Count > 0 ? MetricMath.Binary(complaintActual, complaintScore) : null,
            ComplaintAtThreshold = complaintActual.Count > 0 ? MetricMath.Binary(complaintActual, complaintScore, calibration.ComplaintThreshold) : null,
            MissedComplaintCost = calibration.MissedComplaintCost,
            DismissedComplaintCost = calibration.DismissedComplaintCost,
            // An alert is raised from level "high" up, so that is the decision threshold for escalation.
            Escalation = escalateActual.Count > 0 ? MetricMath.Binary(escalateActual, escalateScore, EscalationModel.HighThreshold) : null,
        };
    }
}
