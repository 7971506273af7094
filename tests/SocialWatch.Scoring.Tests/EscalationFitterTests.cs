using System.Globalization;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Tests.Support;
using SocialWatch.Scoring.Training;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class EscalationFitterTests
{
    private static readonly int s_reach = Array.IndexOf(EscalationModel.FeatureNames, "reach");
    private static readonly int s_velocity = Array.IndexOf(EscalationModel.FeatureNames, "velocity");

    /// <summary>The rule that really decides escalation in the synthetic data: reach and fast doubling, nothing else.</summary>
    private static readonly EscalationModel s_truth = new(-5f, new Dictionary<string, float> { ["reach"] = 1.6f, ["velocity"] = 1.2f }, "truth");

    private static ScoringModel Provisional() => ScoringModel.Load(TrainedModelFixture.ModelDirectory);

    /// <summary>
    /// Complaints from authors of every size, some spreading fast; the earlier-complaints count is noise the defaults
    /// weigh (0.6) but that has nothing to do with the label. <paramref name="trainingInverted"/> flips the rule on the
    /// training share only, to build a candidate that is worse on the held-out rows.
    /// </summary>
    private static List<LabeledMention> Rows(int count, int seed, bool trainingInverted = false)
    {
        var random = new Random(seed);
        var rows = new List<LabeledMention>(count);
        for (var i = 0; i < count; i++)
        {
            var followers = (long)Math.Pow(10, 1 + (random.NextDouble() * 5));
            var doubling = TimeSpan.FromMinutes(10 + (random.NextDouble() * 600));
            var history = random.Next(0, 4);
            var input = new ScoringInput(string.Create(CultureInfo.InvariantCulture, $"@acme order {i} still has not arrived"))
            {
                Author = new MentionAuthor("a" + i, "user" + i, null, followers, false),
                Metrics = new EngagementMetrics(5, 1, 1, 0),
                Velocity = new EngagementVelocity(2, 10, doubling),
                History = new AuthorHistory(history, history, 0),
            };
            var p = Probability(s_truth, input);
            var escalate = random.NextDouble() < p;
            if (trainingInverted && !EscalationFitter.IsHeldOut(input.Text))
            {
                escalate = !escalate;
            }

            rows.Add(new LabeledMention(input) { Escalate = escalate, Origin = "outcome:Spread" });
        }

        return rows;
    }

    private static float Probability(EscalationModel model, ScoringInput input)
    {
        Span<float> x = stackalloc float[EscalationModel.FeatureNames.Length];
        EscalationModel.ComputeFeatures(default, 0f, 0f, input, x);
        var z = model.Bias;
        for (var j = 0; j < x.Length; j++)
        {
            z += model.Weights[j] * x[j];
        }

        return 1f / (1f + MathF.Exp(-z));
    }

    [TestMethod]
    public void Fit_LearnsReachAndVelocity_AndBeatsTheDefaultsOnHeldOutRows()
    {
        var rows = Rows(600, seed: 7);
        var defaults = EscalationModel.Defaults();

        var (model, report) = EscalationFitter.Fit(Provisional(), rows, null, _ => { });

        Assert.AreEqual("learned", report.Chosen, report.Reason);
        Assert.IsGreaterThan(report.DefaultsAuc!.Value, report.LearnedAuc!.Value, "the learned weights rank the held-out rows better than the defaults");
        Assert.IsGreaterThan(defaults.Weights[s_reach], model.Weights[s_reach], "reach drives escalation, so its weight grows");
        Assert.IsGreaterThan(defaults.Weights[s_velocity], model.Weights[s_velocity], "velocity drives escalation, so its weight grows");
        Assert.AreEqual(600, report.Labels);
        Assert.AreEqual(600, report.OutcomeLabels);
        Assert.AreEqual(report.Labels, report.TrainRows + report.HeldOutRows);
        CollectionAssert.Contains(report.LearnedFeatures, "reach");
        StringAssert.StartsWith(model.Source, "learned from 600 escalate labels");
    }

    [TestMethod]
    public void Fit_KeepsTheDefaults_WithTooFewLabels()
    {
        var rows = Rows(EscalationFitter.MinLabels - 1, seed: 3);
        var problems = new List<string>();

        var (model, report) = EscalationFitter.Fit(Provisional(), rows, null, problems.Add);

        Assert.AreEqual("defaults", report.Chosen);
        Assert.AreEqual("defaults", model.Source);
        CollectionAssert.AreEqual(EscalationModel.Defaults().Weights, model.Weights);
        Assert.IsNull(report.LearnedAuc);
        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "too few");
    }

    [TestMethod]
    public void Fit_RefusesWeightsThatScoreBelowTheCurrentOnes_AndKeepsTheCurrent()
    {
        var rows = Rows(600, seed: 11, trainingInverted: true);
        var current = new EscalationModel(s_truth.Bias, EscalationModel.FeatureNames.Select((n, j) => (n, s_truth.Weights[j])).ToDictionary(p => p.n, p => p.Item2), "learned earlier");

        var (model, report) = EscalationFitter.Fit(Provisional(), rows, current, _ => { });

        Assert.AreEqual("current", report.Chosen, report.Reason);
        Assert.AreSame(current, model);
        Assert.IsLessThan(report.CurrentAuc!.Value, report.LearnedAuc!.Value);
        StringAssert.Contains(report.Reason, "below");
        Assert.IsGreaterThanOrEqualTo(report.DefaultsAuc!.Value, report.CurrentAuc.Value, "the current weights are the better of the two kept");
    }

    [TestMethod]
    public void Fit_RefusesWeightsThatScoreBelowTheDefaults_AndKeepsTheDefaults()
    {
        var rows = Rows(600, seed: 13, trainingInverted: true);

        var (model, report) = EscalationFitter.Fit(Provisional(), rows, null, _ => { });

        Assert.AreEqual("defaults", report.Chosen, report.Reason);
        Assert.AreEqual("defaults", model.Source);
        Assert.IsLessThan(report.DefaultsAuc!.Value, report.LearnedAuc!.Value);
        StringAssert.Contains(report.Reason, "below the defaults'");
    }
}
