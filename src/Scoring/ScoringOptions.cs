using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Scoring;

/// <summary>Configuration section "Scoring".</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>Directory of the models in use; relative paths resolve against the content root (or the current directory).</summary>
    [Required]
    public string ModelDirectory { get; set; } = Path.Combine("models", "current");

    /// <summary>
    /// A model copied into <see cref="ModelDirectory"/> when that holds none yet; relative paths resolve the same way.
    /// The container sets it to the model shipped in its read-only app folder while ModelDirectory is on the data
    /// volume, so that retraining writes its candidates and versions there. Null copies nothing.
    /// </summary>
    public string? SeedModelDirectory { get; set; }

    /// <summary>
    /// The shared public training data the retrain job trains from, next to the feedback labels (relative paths
    /// resolve against the current directory, as the train verb's --data does).
    /// </summary>
    [Required]
    public string TrainingDataDirectory { get; set; } = Path.Combine("..", "shared", "data");

    /// <summary>A candidate is only judged (and so only promoted) on at least this many held-out feedback labels.</summary>
    [Range(1, 1_000_000)]
    public int MinHeldOutLabels { get; set; } = 20;

    /// <summary>Every n-th feedback label (by a stable hash of its text) is held out to compare candidate and current.</summary>
    [Range(2, 100)]
    public int HeldOutEvery { get; set; } = 5;

    /// <summary>Caps rows per shared data file in retraining; null trains on all of it.</summary>
    [Range(1, int.MaxValue)]
    public int? RetrainMaxRowsPerFile { get; set; }

    /// <summary>
    /// A complaint or negative mention counts as an escalation outcome ("it spread") when its peak interactions reach
    /// this many and <see cref="OutcomeReachShare"/> of its author's followers.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long OutcomeMinInteractions { get; set; } = 200;

    /// <summary>Share of the author's followers the peak interactions must reach to count as spread (0.05 = 5%).</summary>
    [Range(0.0, 100.0)]
    public double OutcomeReachShare { get; set; } = 0.05;

    /// <summary>A spread outcome is trained with the context (metrics, velocity) seen this long after ingestion.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan OutcomeContextWindow { get; set; } = TimeSpan.FromMinutes(30);
}
