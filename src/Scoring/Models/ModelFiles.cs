using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Scoring.Models;

/// <summary>File names inside a model directory.</summary>
internal static class ModelFiles
{
    public const string Sentiment = "sentiment.zip";
    public const string Complaint = "complaint.zip";
    public const string Escalation = "escalation.json";
    public const string EscalationZip = "escalation.zip";
    public const string Manifest = "manifest.json";
    public const string Calibration = "calibration.json";
    public const string Metrics = "metrics.json";
    public const string ModelCard = "MODEL_CARD.md";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static T Read<T>(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new ModelNotFoundException($"Model file '{path}' is missing.");
        }

        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"Model file '{path}' is empty.");
    }

    public static void Write<T>(string directory, string file, T value) =>
        File.WriteAllText(Path.Combine(directory, file), JsonSerializer.Serialize(value, Json));
}

/// <summary>manifest.json: what the models were built from and how to featurise for them.</summary>
internal sealed class ModelManifest
{
    public string Version { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Featurizer identity; a model only runs with the featurizer it was trained with.</summary>
    public string Featurizer { get; set; } = FeaturizerName;

    public int HashBits { get; set; }

    public int Seed { get; set; }

    public int TrainingRows { get; set; }

    public int FeedbackRows { get; set; }

    public const string FeaturizerName = "socialwatch-hash-v2";
}

/// <summary>The model directory or one of its files does not exist.</summary>
public sealed class ModelNotFoundException : Exception
{
    public ModelNotFoundException(string message)
        : base(message)
    {
    }

    public ModelNotFoundException()
    {
    }

    public ModelNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
