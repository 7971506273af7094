using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Tests.Support;
using SocialWatch.Scoring.Training;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ModelTrainerTests
{
    [TestMethod]
    public void Train_WritesModelsMetricsAndCard_WithVaderSideBySide()
    {
        var directory = TrainedModelFixture.ModelDirectory;

        var files = Directory.GetFiles(directory).Select(Path.GetFileName).ToList();
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, ModelFiles.Metrics))).RootElement;
        var card = File.ReadAllText(Path.Combine(directory, ModelFiles.ModelCard));

        foreach (var expected in new[] { ModelFiles.Sentiment, ModelFiles.Complaint, ModelFiles.Escalation, ModelFiles.Calibration, ModelFiles.Manifest, ModelFiles.Metrics, ModelFiles.ModelCard })
        {
            CollectionAssert.Contains(files, expected);
        }

        var scorers = metrics.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("scorer").GetString()).ToList();
        Assert.IsTrue(scorers.Any(s => s!.StartsWith("model ", StringComparison.Ordinal)));
        CollectionAssert.Contains(scorers, "VADER");
        StringAssert.Contains(card, "CC BY 4.0");
        StringAssert.Contains(card, "GoEmotions");
        StringAssert.Contains(card, "Hutto & Gilbert");
    }

    [TestMethod]
    public void Train_WithTheSameSeedAndData_GivesTheSameMetricsAndCalibration()
    {
        var data = TrainedModelFixture.DataDirectory;
        var first = Path.Combine(Path.GetTempPath(), "sw-repro-" + Guid.NewGuid().ToString("N"));
        var second = Path.Combine(Path.GetTempPath(), "sw-repro-" + Guid.NewGuid().ToString("N"));
        var time = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        new ModelTrainer(new FakeTimeProvider(time)).Train(TrainedModelFixture.SmallRequest(data, first), null, null, CancellationToken.None);
        new ModelTrainer(new FakeTimeProvider(time)).Train(TrainedModelFixture.SmallRequest(data, second), null, null, CancellationToken.None);

        Assert.AreEqual(File.ReadAllText(Path.Combine(first, ModelFiles.Metrics)), File.ReadAllText(Path.Combine(second, ModelFiles.Metrics)));
        Assert.AreEqual(File.ReadAllText(Path.Combine(first, ModelFiles.Calibration)), File.ReadAllText(Path.Combine(second, ModelFiles.Calibration)));
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, ModelFiles.Metrics))).RootElement;
        Assert.IsTrue(metrics.GetProperty("reports").EnumerateArray().Any(r => r.TryGetProperty("complaint", out var c) && c.TryGetProperty("ece", out _)));
    }

    [TestMethod]
    public void Train_LearnsEscalationWeights_FromEnoughFeedbackLabels()
    {
        var data = TrainedModelFixture.DataDirectory;
        var feedback = Path.Combine(Path.GetTempPath(), "sw-feedback-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var lines = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            lines.Add($$"""{"text":"@acme my lawyer will sue you over case {{i}}","sentiment":"negative","complaint":true,"escalate":true}""");
            lines.Add($$"""{"text":"@acme parcel {{i}} is a day late","sentiment":"negative","complaint":true,"escalate":false}""");
        }

        File.WriteAllLines(feedback, lines);
        var output = Path.Combine(Path.GetTempPath(), "sw-model-" + Guid.NewGuid().ToString("N"));
        var trainer = new ModelTrainer(new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)));

        var result = trainer.Train(TrainedModelFixture.SmallRequest(data, output) with { FeedbackPath = feedback }, null, null, CancellationToken.None);

        StringAssert.StartsWith(result.EscalationSource, "learned from 40 escalate labels (20 escalate; 40 feedback, 0 outcomes)");
        var escalation = EscalationModel.FromFile(ModelFiles.Read<EscalationModelFile>(output, ModelFiles.Escalation));
        var legal = Array.IndexOf(EscalationModel.FeatureNames, "legal");
        var reach = Array.IndexOf(EscalationModel.FeatureNames, "reach");
        Assert.IsGreaterThan(0f, escalation.Weights[legal], "legal cues separate the labels, so their weight is positive");
        Assert.AreEqual(EscalationModel.Defaults().Weights[reach], escalation.Weights[reach], "no feedback row has reach, so its default stays");
        Assert.AreEqual(40, result.FeedbackRows);
    }

    [TestMethod]
    public void Train_ReportsEscalationAucOnHeldOutOutcomes_InMetricsAndCard()
    {
        var data = TrainedModelFixture.DataDirectory;
        var outcomes = Path.Combine(Path.GetTempPath(), "sw-outcomes-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var lines = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            // Big authors whose posts double fast escalated; small ones with flat posts did not.
            var big = i % 2 == 0;
            var followers = big ? 50_000 + (i * 1000) : 80 + i;
            var doubling = big ? 12 + (i % 7) : 600 + i;
            lines.Add($$"""{"text":"@acme order {{i}} never arrived","author":{"followers":{{followers}}},"metrics":{"likes":{{i}}},"velocity":{"repostsPerHour":3,"engagementPerHour":20,"doublingMinutes":{{doubling}}},"escalate":{{(big ? "true" : "false")}}}""");
        }

        lines.Add("""{"text":"@acme no label on this one"}""");
        File.WriteAllLines(outcomes, lines);
        var output = Path.Combine(Path.GetTempPath(), "sw-model-" + Guid.NewGuid().ToString("N"));
        var trainer = new ModelTrainer(new FakeTimeProvider(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero)));
        var problems = new List<string>();

        var result = trainer.Train(TrainedModelFixture.SmallRequest(data, output) with { OutcomesPath = outcomes }, null, problems.Add, CancellationToken.None);

        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, ModelFiles.Metrics))).RootElement.GetProperty("escalation");
        var card = File.ReadAllText(Path.Combine(output, ModelFiles.ModelCard));
        Assert.AreEqual(60, metrics.GetProperty("outcomeLabels").GetInt32());
        Assert.IsGreaterThan(0, metrics.GetProperty("heldOutRows").GetInt32());
        Assert.IsGreaterThanOrEqualTo(metrics.GetProperty("defaultsAuc").GetDouble(), metrics.GetProperty("learnedAuc").GetDouble());
        Assert.AreEqual("learned", metrics.GetProperty("chosen").GetString());
        Assert.AreEqual("learned", result.Escalation!.Chosen);
        StringAssert.Contains(card, "How the escalation weights are learned");
        StringAssert.Contains(card, "| learned |");
        Assert.IsFalse(File.Exists(Path.Combine(output, ModelFiles.EscalationZip)));
        Assert.IsTrue(problems.Any(p => p.Contains("no label", StringComparison.Ordinal)), string.Join("; ", problems));
    }

    [TestMethod]
    public void Train_MissingDataDirectory_FailsWithAClearMessage()
    {
        var trainer = new ModelTrainer(TimeProvider.System);
        var request = new TrainRequest(Path.GetTempPath()) { DataDirectory = "/no/such/data" };

        var ex = Assert.ThrowsExactly<DirectoryNotFoundException>(() => trainer.Train(request, null, null, CancellationToken.None));

        StringAssert.Contains(ex.Message, "--data");
    }
}
