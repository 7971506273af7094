using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Scoring;

/// <summary>Configuration section "Scoring".</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>Directory of the models in use; relative paths resolve against the content root (or the current directory).</summary>
    [Required]
    public string ModelDirectory { get; set; } = Path.Combine("models", "current");

    /// <summary>The shared public training data the retrain job trains from, next to the feedback labels.</summary>
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

    /// <summary>
    /// Where this host unpacks promoted model versions. Relative paths resolve against the working directory, as the
    /// SQLite data source does, so the cache sits on the data volume and not in the (read-only) app folder.
    /// </summary>
    [Required]
    public string ModelCacheDirectory { get; set; } = Path.Combine("data", "models");

    /// <summary>How often every host checks which model version is promoted; a promotion reaches every host within it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ModelPollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
