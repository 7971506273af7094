using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Features;

namespace SocialWatch.Scoring.Models;

/// <summary>
/// The three models loaded for serving. Weights are read out of the trained ML.NET model parameters and laid out
/// so one 16-byte load per feature fetches the three sentiment weights and the complaint weight together.
/// Immutable, so any number of threads may score with it.
/// </summary>
internal sealed class ScoringModel
{
    private const int Lanes = 4; // negative, neutral, positive, complaint
    private readonly float[] _weights;
    private readonly Vector128<float> _bias;
    private readonly int _hashDimension;
    private readonly double _plattSlope;
    private readonly double _plattOffset;
    private readonly float _inverseTemperature;

    private ScoringModel(ModelManifest manifest, float[] weights, Vector128<float> bias, ScoreCalibration calibration, EscalationModel escalation)
    {
        Manifest = manifest;
        _weights = weights;
        _bias = bias;
        _hashDimension = 1 << manifest.HashBits;
        _plattSlope = calibration.ComplaintSlope;
        _plattOffset = calibration.ComplaintOffset;
        _inverseTemperature = (float)(1 / calibration.SentimentTemperature);
        Calibration = calibration;
        Escalation = escalation;
    }

    /// <summary>How raw outputs become probabilities, and the complaint decision threshold the cost rule gives.</summary>
    public ScoreCalibration Calibration { get; }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    public int HashBits => Manifest.HashBits;

    public EscalationModel Escalation { get; }

    public static int Dimension(int hashBits) => (1 << hashBits) + DenseFeatures.Count;

    public static ScoringModel Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ModelNotFoundException(
                $"Model directory '{Path.GetFullPath(directory)}' does not exist. Train one with `train --out <dir>` or set Scoring:ModelDirectory.");
        }

        var manifest = ModelFiles.Read<ModelManifest>(directory, ModelFiles.Manifest);
        if (manifest.Featurizer != ModelManifest.FeaturizerName)
        {
            throw new InvalidDataException($"Model in '{directory}' needs featurizer '{manifest.Featurizer}'; this build has '{ModelManifest.FeaturizerName}'.");
        }

        var ml = new MLContext(seed: manifest.Seed);
        var sentiment = LoadSentiment(ml, Path.Combine(directory, ModelFiles.Sentiment));
        var complaint = LoadComplaint(ml, Path.Combine(directory, ModelFiles.Complaint));
        var escalation = EscalationModel.FromFile(ModelFiles.Read<EscalationModelFile>(directory, ModelFiles.Escalation));
        // Models trained before calibration.json existed keep serving what they served: the complaint model's own
        // Platt link and the plain softmax.
        var calibration = File.Exists(Path.Combine(directory, ModelFiles.Calibration))
            ? ModelFiles.Read<ScoreCalibration>(directory, ModelFiles.Calibration)
            : new ScoreCalibration { ComplaintSlope = complaint.Calibrator.Slope, ComplaintOffset = complaint.Calibrator.Offset };
        return FromParameters(manifest, sentiment, complaint, escalation, calibration);
    }

    internal static ScoringModel FromParameters(
        ModelManifest manifest,
        MaximumEntropyModelParameters sentiment,
        CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> complaint,
        EscalationModel escalation,
        ScoreCalibration calibration)
    {
        var dimension = Dimension(manifest.HashBits);
        var weights = new float[dimension * Lanes];
        VBuffer<float>[] classWeights = [];
        sentiment.GetWeights(ref classWeights, out var classes);
        if (classes != 3)
        {
            throw new InvalidDataException($"Sentiment model has {classes} classes; expected negative, neutral, positive.");
        }

        for (var k = 0; k < 3; k++)
        {
            Scatter(classWeights[k], weights, k, dimension);
        }

        Scatter(new VBuffer<float>(dimension, complaint.SubModel.Weights.ToArray()), weights, 3, dimension);
        var biases = sentiment.GetBiases().ToArray();
        var bias = Vector128.Create(biases[0], biases[1], biases[2], complaint.SubModel.Bias);
        return new ScoringModel(manifest, weights, bias, calibration, escalation);
    }

    /// <summary>A copy of this model serving through another calibration (the trainer fits it on the model's raw scores).</summary>
    internal ScoringModel WithCalibration(ScoreCalibration calibration) => new(Manifest, _weights, _bias, calibration, Escalation);

    internal ScoringModel WithEscalation(EscalationModel escalation) => new(Manifest, _weights, _bias, Calibration, escalation);

    private static void Scatter(in VBuffer<float> source, float[] weights, int lane, int dimension)
    {
        if (source.Length != dimension)
        {
            throw new InvalidDataException($"Model has {source.Length} features; the manifest says {dimension}.");
        }

        var values = source.GetValues();
        if (source.IsDense)
        {
            for (var i = 0; i < values.Length; i++)
            {
                weights[(i * Lanes) + lane] = values[i];
            }
        }
        else
        {
            var indices = source.GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                weights[(indices[i] * Lanes) + lane] = values[i];
            }
        }
    }

    private static MaximumEntropyModelParameters LoadSentiment(MLContext ml, string path)
    {
        var transformer = LoadTransformer(ml, path);
        return transformer is ISingleFeaturePredictionTransformer<object> { Model: MaximumEntropyModelParameters p }
            ? p
            : throw new InvalidDataException($"'{path}' is not a maximum-entropy sentiment model.");
    }

    private static CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> LoadComplaint(MLContext ml, string path)
    {
        var transformer = LoadTransformer(ml, path);
        return transformer is ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> p }
            ? p
            : throw new InvalidDataException($"'{path}' is not a calibrated linear complaint model.");
    }

    private static ITransformer LoadTransformer(MLContext ml, string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelNotFoundException($"Model file '{path}' is missing.");
        }

        return ml.Model.Load(path, out _);
    }

    /// <summary>Scores one featurised text: tempered softmax over the three sentiment logits and Platt-calibrated complaint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (float Negative, float Neutral, float Positive, float Complaint) Predict(FeatureScratch features)
    {
        var acc = RawScores(features);
        var s0 = acc.GetElement(0) * _inverseTemperature;
        var s1 = acc.GetElement(1) * _inverseTemperature;
        var s2 = acc.GetElement(2) * _inverseTemperature;
        var max = MathF.Max(s0, MathF.Max(s1, s2));
        var e0 = MathF.Exp(s0 - max);
        var e1 = MathF.Exp(s1 - max);
        var e2 = MathF.Exp(s2 - max);
        var sum = e0 + e1 + e2;
        var complaint = (float)(1.0 / (1.0 + Math.Exp((_plattSlope * acc.GetElement(3)) + _plattOffset)));
        return (e0 / sum, e1 / sum, e2 / sum, complaint);
    }

    /// <summary>The three sentiment logits and the complaint model's linear score, before any calibration.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Vector128<float> RawScores(FeatureScratch features)
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(_weights);
        var indices = features.Indices;
        var count = features.Count;
        var acc0 = Vector128<float>.Zero;
        var acc1 = Vector128<float>.Zero;
        var i = 0;
        for (; i + 1 < count; i += 2)
        {
            acc0 += Vector128.LoadUnsafe(ref w, (nuint)indices[i] * Lanes);
            acc1 += Vector128.LoadUnsafe(ref w, (nuint)indices[i + 1] * Lanes);
        }

        if (i < count)
        {
            acc0 += Vector128.LoadUnsafe(ref w, (nuint)indices[i] * Lanes);
        }

        var acc = (acc0 + acc1) * features.Scale;
        var dense = features.Dense;
        for (var j = 0; j < dense.Length; j++)
        {
            if (dense[j] != 0f)
            {
                acc += Vector128.LoadUnsafe(ref w, (nuint)(_hashDimension + j) * Lanes) * dense[j];
            }
        }

        return acc + _bias;
    }

    public MentionScore Score(ScoringInput input, FeatureScratch scratch)
    {
        TextFeaturizer.Featurize(input.Text, HashBits, scratch);
        var (neg, neu, pos, complaint) = Predict(scratch);
        var label = neg >= neu && neg >= pos ? SentimentLabel.Negative : pos > neu ? SentimentLabel.Positive : SentimentLabel.Neutral;
        var cues = scratch.Cues;
        var escalation = Escalation.Score(in cues, neg, complaint, input);
        return new MentionScore(new SentimentScore(label, neg, neu, pos), complaint, escalation, Version);
    }
}
