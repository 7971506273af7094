using Microsoft.ML;
using Microsoft.ML.Data;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Batch;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Training;

namespace SocialWatch.Scoring.Tests;

/// <summary>
/// The serving path scores from weights read out of the ML.NET models; these tests hold it to ML.NET's own
/// prediction (Transform over the saved transformers) on the shipped models and thousands of real texts.
/// </summary>
[TestClass]
public sealed class ShippedModelEquivalenceTests
{
    private const double Tolerance = 1e-5;

    [TestMethod]
    public void ServingScores_EqualMlNetPrediction_OnBrandComplaints()
    {
        var texts = File.ReadLines(Path.Combine(RepositoryRoot(), "tests", "SocialWatch.Scoring.Tests", "Data", "brand-complaints.jsonl"))
            .Select((line, i) => ScoreInputLines.Parse(line, i + 1).Mention!.Input.Text)
            .ToList();

        AssertServingEqualsMlNet(texts);
    }

    [TestMethod]
    public void ServingScores_EqualMlNetPrediction_OnSharedTweets()
    {
        var tweets = Path.Combine(RepositoryRoot(), "..", "shared", "data", "tweet-sentiment-extraction", "test.csv");
        if (!File.Exists(tweets))
        {
            Prerequisite.Missing($"Shared data not found at {Path.GetFullPath(tweets)}; the brand-complaint test still compares the paths.");
        }

        var texts = SharedDatasets.LoadTweets(tweets, 3_000).Select(m => m.Input.Text).ToList();
        Assert.IsGreaterThanOrEqualTo(2_500, texts.Count);

        AssertServingEqualsMlNet(texts);
    }

    private static void AssertServingEqualsMlNet(IReadOnlyList<string> texts)
    {
        var directory = Path.Combine(RepositoryRoot(), "models", "current");
        var scorer = MentionScorer.Load(directory);
        var bits = scorer.Model.HashBits;
        var scratch = new FeatureScratch();
        var rows = texts.Select(t => new SentimentRow { Features = FeatureVectors.Build(t, bits, scratch), Label = 1, Weight = 1 }).ToList();
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(SentimentRow));
        schema[nameof(SentimentRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ScoringModel.Dimension(bits));
        schema[nameof(SentimentRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), 3);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var sentiment = ml.Model.Load(Path.Combine(directory, ModelFiles.Sentiment), out _).Transform(data)
            .GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
        var complaintRaw = ml.Model.Load(Path.Combine(directory, ModelFiles.Complaint), out _).Transform(data)
            .GetColumn<float>("Score").ToArray();

        // calibration.json maps ML.NET's raw outputs to the served probabilities: Platt on the complaint score,
        // a temperature on the softmax (softmax(z / T) is softmax(z) raised to 1/T and renormalised).
        var calibration = scorer.Model.Calibration;
        var complaint = complaintRaw.Select(r => (float)(1 / (1 + Math.Exp((calibration.ComplaintSlope * r) + calibration.ComplaintOffset)))).ToArray();
        sentiment = sentiment.Select(p =>
        {
            var tempered = p.Select(v => Math.Pow(v, 1 / calibration.SentimentTemperature)).ToArray();
            var sum = tempered.Sum();
            return tempered.Select(v => (float)(v / sum)).ToArray();
        }).ToArray();

        var served = scorer.Score(texts.Select(t => new ScoringInput(t)).ToList());

        Assert.HasCount(texts.Count, served);
        var worst = 0.0;
        for (var i = 0; i < texts.Count; i++)
        {
            var s = served[i];
            worst = Math.Max(worst, Check(sentiment[i][0], s.Sentiment.Negative, texts[i]));
            worst = Math.Max(worst, Check(sentiment[i][1], s.Sentiment.Neutral, texts[i]));
            worst = Math.Max(worst, Check(sentiment[i][2], s.Sentiment.Positive, texts[i]));
            worst = Math.Max(worst, Check(complaint[i], s.Complaint, texts[i]));
            var expectedLabel = sentiment[i][0] >= sentiment[i][1] && sentiment[i][0] >= sentiment[i][2]
                ? SentimentLabel.Negative
                : sentiment[i][2] > sentiment[i][1] ? SentimentLabel.Positive : SentimentLabel.Neutral;
            if (Math.Abs(sentiment[i][0] - sentiment[i][1]) > Tolerance && Math.Abs(sentiment[i][1] - sentiment[i][2]) > Tolerance
                && Math.Abs(sentiment[i][0] - sentiment[i][2]) > Tolerance)
            {
                Assert.AreEqual(expectedLabel, s.Sentiment.Label, texts[i]);
            }
        }

        Console.WriteLine($"{texts.Count} texts, largest difference from ML.NET {worst:E2}");
    }

    private static double Check(float expected, float actual, string text)
    {
        var difference = Math.Abs((double)expected - actual);
        Assert.IsLessThanOrEqualTo(Tolerance, difference, $"served {actual} vs ML.NET {expected} for: {text}");
        return difference;
    }

    private static string RepositoryRoot()
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
