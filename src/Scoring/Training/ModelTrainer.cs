using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Evaluation;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Vader;

namespace SocialWatch.Scoring.Training;

/// <summary>
/// The `train` use case: featurises the shared data plus in-domain feedback, trains the sentiment (multiclass
/// maximum entropy) and complaint (calibrated logistic regression) models with ML.NET, fits the escalation weights
/// from feedback when there are enough labels, evaluates everything against VADER on held-out data, and writes
/// the model directory (ML.NET .zip files, escalation.json, manifest.json, metrics.json, MODEL_CARD.md).
/// </summary>
public sealed class ModelTrainer(TimeProvider timeProvider)
{
    public TrainResult Train(TrainRequest request, IProgress<TrainingProgress>? progress, Action<string>? onProblem, CancellationToken cancellationToken)
    {
        onProblem ??= _ => { };
        var feedback = request.FeedbackPath is { } path
            ? LabeledFiles.Read(path, onProblem, "feedback", request.FeedbackWeight)
            : [];
        var outcomes = request.OutcomesPath is { } outcomesPath
            ? ReadOutcomes(outcomesPath, onProblem)
            : [];
        return Train(request, feedback, outcomes, progress, onProblem, cancellationToken);
    }

    /// <param name="outcomes">Escalate labels with the context the scorer saw; they train the escalation weights only.</param>
    internal TrainResult Train(
        TrainRequest request,
        IReadOnlyList<LabeledMention> feedback,
        IReadOnlyList<LabeledMention> outcomes,
        IProgress<TrainingProgress>? progress,
        Action<string> onProblem,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        progress?.Report(new("loading data", 0.0));
        var shared = SharedDatasets.Load(request.DataDirectory, request.MaxRowsPerFile);
        var evaluationSets = request.EvaluationPaths
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Rows: (IReadOnlyList<LabeledMention>)LabeledFiles.Read(p, onProblem, "eval")))
            .ToList();
        // One generic row in ten is kept out of training to fit the calibration on scores the models did not learn
        // from. Feedback rows are all trained on: they are few, and the retrain job already holds out a share of them.
        var training = new List<LabeledMention>(shared.Train.Count + feedback.Count);
        var calibrationRows = new List<LabeledMention>(shared.Train.Count / CalibrationFitter.HeldOutEvery);
        foreach (var row in shared.Train)
        {
            (CalibrationFitter.IsCalibrationRow(row.Text) ? calibrationRows : training).Add(row);
        }

        training.AddRange(feedback.Select(f => f with { Weight = f.Weight > 1f ? f.Weight : request.FeedbackWeight }));
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(new("featurising", 0.08));
        var vectors = Featurize(training, request.HashBits);
        cancellationToken.ThrowIfCancellationRequested();

        var ml = new MLContext(seed: request.Seed);
        var dimension = ScoringModel.Dimension(request.HashBits);

        progress?.Report(new("training sentiment", 0.15));
        var sentimentRows = new List<SentimentRow>();
        for (var i = 0; i < training.Count; i++)
        {
            if (training[i].Sentiment is { } s)
            {
                sentimentRows.Add(new SentimentRow { Features = vectors[i], Label = (uint)s, Weight = training[i].Weight });
            }
        }

        var sentimentSchema = SchemaDefinition.Create(typeof(SentimentRow));
        sentimentSchema[nameof(SentimentRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        sentimentSchema[nameof(SentimentRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), 3);
        var sentimentData = ml.Data.LoadFromEnumerable(sentimentRows, sentimentSchema);
        var sentiment = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(SentimentRow.Label),
            FeatureColumnName = nameof(SentimentRow.Features),
            ExampleWeightColumnName = nameof(SentimentRow.Weight),
            L1Regularization = request.L1Regularization,
            L2Regularization = request.L2Regularization,
            MaximumNumberOfIterations = request.MaxIterations,
            HistorySize = 20,
            OptimizationTolerance = 1e-6f,
        }).Fit(sentimentData);
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(new("training complaint", 0.55));
        var complaintRows = new List<ComplaintRow>();
        for (var i = 0; i < training.Count; i++)
        {
            if (training[i].Complaint is { } c)
            {
                complaintRows.Add(new ComplaintRow { Features = vectors[i], Label = c, Weight = training[i].Weight });
            }
        }

        var complaintSchema = SchemaDefinition.Create(typeof(ComplaintRow));
        complaintSchema[nameof(ComplaintRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var complaintData = ml.Data.LoadFromEnumerable(complaintRows, complaintSchema);
        var complaint = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(ComplaintRow.Label),
            FeatureColumnName = nameof(ComplaintRow.Features),
            ExampleWeightColumnName = nameof(ComplaintRow.Weight),
            L1Regularization = request.L1Regularization,
            L2Regularization = request.L2Regularization,
            MaximumNumberOfIterations = request.MaxIterations,
            HistorySize = 20,
            OptimizationTolerance = 1e-6f,
        }).Fit(complaintData);
        cancellationToken.ThrowIfCancellationRequested();

        var version = "v" + timeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var manifest = new ModelManifest
        {
            Version = version,
            CreatedAt = timeProvider.GetUtcNow(),
            HashBits = request.HashBits,
            Seed = request.Seed,
            TrainingRows = training.Count,
            FeedbackRows = feedback.Count,
        };

        progress?.Report(new("calibrating", 0.75));
        var uncalibrated = ScoringModel.FromParameters(manifest, sentiment.Model, complaint.Model, EscalationModel.Defaults(), ScoreCalibration.Identity());
        var calibration = FitCalibration(uncalibrated, calibrationRows, request);

        progress?.Report(new("fitting escalation", 0.8));
        var provisional = uncalibrated.WithCalibration(calibration);
        var current = request.BaselineDirectory is { } baseline && File.Exists(Path.Combine(baseline, ModelFiles.Escalation))
            ? EscalationModel.FromFile(ModelFiles.Read<EscalationModelFile>(baseline, ModelFiles.Escalation))
            : null;
        var (escalation, escalationReport) = EscalationFitter.Fit(provisional, [.. feedback, .. outcomes], current, onProblem);
        var model = provisional.WithEscalation(escalation);

        progress?.Report(new("evaluating", 0.85));
        var vader = new VaderAnalyzer(VaderLexicon.Load(shared.LexiconPath));
        var reports = new List<EvaluationReport>();
        foreach (var (name, rows) in HeldOutSets(shared).Concat(evaluationSets))
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Add(ModelEvaluator.Evaluate(model, rows, name));
            reports.Add(ModelEvaluator.EvaluateVader(vader, rows, name));
        }

        progress?.Report(new("saving", 0.97));
        Directory.CreateDirectory(request.OutputDirectory);
        ml.Model.Save(sentiment, sentimentData.Schema, Path.Combine(request.OutputDirectory, ModelFiles.Sentiment));
        ml.Model.Save(complaint, complaintData.Schema, Path.Combine(request.OutputDirectory, ModelFiles.Complaint));
        // escalation.json is the whole escalation model; a zip left by an older training run would only mislead.
        var escalationZip = Path.Combine(request.OutputDirectory, ModelFiles.EscalationZip);
        if (File.Exists(escalationZip))
        {
            File.Delete(escalationZip);
        }

        ModelFiles.Write(request.OutputDirectory, ModelFiles.Escalation, escalation.ToFile());
        ModelFiles.Write(request.OutputDirectory, ModelFiles.Calibration, calibration);
        ModelFiles.Write(request.OutputDirectory, ModelFiles.Manifest, manifest);
        var metrics = new ModelMetricsFile
        {
            Version = version,
            CreatedAt = manifest.CreatedAt,
            TrainingRows = training.Count,
            FeedbackRows = feedback.Count,
            SentimentRows = sentimentRows.Count,
            ComplaintRows = complaintRows.Count,
            ComplaintPositives = complaintRows.Count(r => r.Label),
            Calibration = calibration,
            Reports = reports,
            Escalation = escalationReport,
        };
        ModelFiles.Write(request.OutputDirectory, ModelFiles.Metrics, metrics);
        File.WriteAllText(
            Path.Combine(request.OutputDirectory, ModelFiles.ModelCard),
            ModelCardWriter.Write(manifest, metrics, escalation, request));
        progress?.Report(new("done", 1.0));

        return new TrainResult(version, request.OutputDirectory, reports, stopwatch.Elapsed)
        {
            TrainingRows = training.Count,
            FeedbackRows = feedback.Count,
            EscalationSource = escalation.Source,
            Escalation = escalationReport,
        };
    }

    /// <summary>Outcome lines: the `score` line shape plus `"escalate": true|false`; lines without it are reported and skipped.</summary>
    internal static List<LabeledMention> ReadOutcomes(string path, Action<string> onProblem)
    {
        var rows = LabeledFiles.Read(path, onProblem, "outcomes");
        var name = Path.GetFileName(path);
        foreach (var row in rows.Where(r => r.Escalate is null))
        {
            onProblem($"{name}: an outcome line without \"escalate\" (text starting \"{Shorten(row.Text)}\"); skipped");
        }

        return [.. rows.Where(r => r.Escalate is not null).Select(r => r with { Sentiment = null, Complaint = null })];
    }

    /// <summary>Platt scaling for complaint and one softmax temperature for sentiment, on the held-out training rows.</summary>
    private static ScoreCalibration FitCalibration(ScoringModel uncalibrated, IReadOnlyList<LabeledMention> rows, TrainRequest request)
    {
        var scratch = new FeatureScratch();
        var complaintRaw = new List<double>();
        var complaintLabel = new List<bool>();
        var complaintWeight = new List<double>();
        var logits = new List<(float, float, float)>();
        var sentimentLabel = new List<int>();
        var sentimentWeight = new List<double>();
        foreach (var row in rows)
        {
            TextFeaturizer.Featurize(row.Text, uncalibrated.HashBits, scratch);
            var raw = uncalibrated.RawScores(scratch);
            if (row.Complaint is { } c)
            {
                complaintRaw.Add(raw.GetElement(3));
                complaintLabel.Add(c);
                complaintWeight.Add(row.Weight);
            }

            if (row.Sentiment is { } s)
            {
                logits.Add((raw.GetElement(0), raw.GetElement(1), raw.GetElement(2)));
                sentimentLabel.Add((int)s);
                sentimentWeight.Add(row.Weight);
            }
        }

        var platt = CalibrationFitter.FitPlatt(complaintRaw, complaintLabel, complaintWeight);
        return new ScoreCalibration
        {
            ComplaintSlope = platt?.Slope ?? -1,
            ComplaintOffset = platt?.Offset ?? 0,
            SentimentTemperature = CalibrationFitter.FitTemperature(logits, sentimentLabel, sentimentWeight),
            MissedComplaintCost = request.MissedComplaintCost,
            DismissedComplaintCost = request.DismissedComplaintCost,
            FittedRows = rows.Count,
            FittedComplaintRows = complaintLabel.Count,
            FittedComplaintPositives = complaintLabel.Count(l => l),
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static IEnumerable<(string Name, IReadOnlyList<LabeledMention> Rows)> HeldOutSets(SharedData shared) =>
        shared.Test.GroupBy(r => r.Origin).Select(g => (g.Key + "-test", (IReadOnlyList<LabeledMention>)g.ToList()));

    private static VBuffer<float>[] Featurize(IReadOnlyList<LabeledMention> rows, int bits)
    {
        var vectors = new VBuffer<float>[rows.Count];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, rows.Count, 1024),
            () => new FeatureScratch(),
            (range, _, scratch) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    vectors[i] = FeatureVectors.Build(rows[i].Text, bits, scratch);
                }

                return scratch;
            },
            _ => { });
        return vectors;
    }
}

/// <summary>metrics.json beside the models.</summary>
internal sealed class ModelMetricsFile
{
    public string Version { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int TrainingRows { get; set; }

    public int FeedbackRows { get; set; }

    public int SentimentRows { get; set; }

    public int ComplaintRows { get; set; }

    public int ComplaintPositives { get; set; }

    /// <summary>The calibration fitted on the held-out training split, with the cost rule behind the complaint threshold.</summary>
    public ScoreCalibration? Calibration { get; set; }

    public List<EvaluationReport> Reports { get; set; } = [];

    /// <summary>How the escalation weights were chosen and their held-out AUC beside the defaults'.</summary>
    public EscalationTrainingReport? Escalation { get; set; }
}
