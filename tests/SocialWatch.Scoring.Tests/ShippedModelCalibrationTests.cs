using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Evaluation;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Tests;

/// <summary>
/// The shipped models' probabilities hold to what they claim on fixed labelled sets: the in-domain sets kept in
/// this folder (never trained on) and the shared held-out tweets. Bounds are the measured figures with a little room.
/// </summary>
[TestClass]
public sealed class ShippedModelCalibrationTests
{
    [TestMethod]
    [DataRow("brand-complaints.jsonl", 0.11)]
    [DataRow("dev-set.jsonl", 0.09)]
    public void ComplaintProbabilities_AreCalibrated_OnTheInDomainSets(string file, double maxEce)
    {
        var report = Evaluate(Path.Combine(Root(), "tests", "SocialWatch.Scoring.Tests", "Data", file));

        Assert.IsNotNull(report.Complaint);
        Assert.IsLessThanOrEqualTo(maxEce, report.Complaint.Ece, $"complaint ECE on {file}");
    }

    [TestMethod]
    public void SentimentProbabilities_AreCalibrated_OnSharedHeldOutTweets()
    {
        var tweets = Path.Combine(Root(), "..", "shared", "data", "tweet-sentiment-extraction", "test.csv");
        if (!File.Exists(tweets))
        {
            Prerequisite.Missing($"Shared data not found at {Path.GetFullPath(tweets)}.");
        }

        var model = ScoringModel.Load(Path.Combine(Root(), "models", "current"));
        var report = ModelEvaluator.Evaluate(model, SharedDatasets.LoadTweets(tweets, null).ToList(), "tweets-test");

        Assert.IsNotNull(report.Sentiment?.Ece);
        Assert.IsLessThanOrEqualTo(0.03, report.Sentiment.Ece.Value);
        Assert.IsLessThanOrEqualTo(0.05, report.Complaint!.Ece);
    }

    [TestMethod]
    public void ShippedModel_CarriesTheCostRuleThreshold()
    {
        var model = ScoringModel.Load(Path.Combine(Root(), "models", "current"));

        Assert.IsGreaterThan(0, model.Calibration.FittedRows);
        Assert.AreEqual(0.2, model.Calibration.ComplaintThreshold, 1e-12);
    }

    private static EvaluationReport Evaluate(string path)
    {
        var model = ScoringModel.Load(Path.Combine(Root(), "models", "current"));
        return ModelEvaluator.Evaluate(model, LabeledFiles.Read(path, _ => { }, "eval"), Path.GetFileName(path));
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No SocialWatch.sln above {AppContext.BaseDirectory}.");
    }
}
