using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Watch;

/// <summary>
/// Which stored mentions the watch list re-reads, for how long and how often. The shortest cadence is
/// <see cref="IngestOptions.EngagementRefreshInterval"/>: a new entry is refreshed at that interval until the first
/// <see cref="BackOff"/> step applies, and no step refreshes more often.
/// </summary>
public sealed class WatchOptions : IValidatableObject
{
    public const string SectionName = "Ingest:Watch";

    /// <summary>A mention with a complaint probability at least this is watched.</summary>
    [Range(0.0, 1.0)]
    public float MinComplaint { get; set; } = 0.5f;

    /// <summary>A mention with a negative probability at least this is watched.</summary>
    [Range(0.0, 1.0)]
    public float MinNegative { get; set; } = 0.6f;

    /// <summary>How long a mention is watched after it is stored: a complaint that has not taken off by then rarely does.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Cadence steps by age (counted from enrolment, or from the last refresh that saw growth): from
    /// <see cref="WatchCadenceStep.After"/> on, refresh every <see cref="WatchCadenceStep.Every"/>. Empty uses
    /// <see cref="DefaultBackOff"/>. Ascending by age.
    /// </summary>
    public List<WatchCadenceStep> BackOff { get; set; } = [];

    /// <summary>Growth between two refreshes that tightens the cadence again: at least this share of the total...</summary>
    [Range(0.0, 100.0)]
    public double GrowthShare { get; set; } = 0.2;

    /// <summary>...and at least this many interactions (a post going from 1 like to 2 is not spreading).</summary>
    [Range(1, long.MaxValue)]
    public long GrowthMinInteractions { get; set; } = 5;

    /// <summary>How long a host holds the entries it claimed; one that stops mid-refresh leaves them to others after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Claimed pages of <see cref="IngestOptions.EngagementRefreshBatch"/> entries one run refreshes per source at most.</summary>
    [Range(1, 10_000)]
    public int MaxPagesPerRun { get; set; } = 20;

    /// <summary>2 min (the default shortest cadence) for the first half hour, then 5 min, 15 min, 1 h, 4 h.</summary>
    public static IReadOnlyList<WatchCadenceStep> DefaultBackOff { get; } =
    [
        new() { After = TimeSpan.FromMinutes(30), Every = TimeSpan.FromMinutes(5) },
        new() { After = TimeSpan.FromHours(2), Every = TimeSpan.FromMinutes(15) },
        new() { After = TimeSpan.FromHours(6), Every = TimeSpan.FromHours(1) },
        new() { After = TimeSpan.FromHours(24), Every = TimeSpan.FromHours(4) },
    ];

    public IReadOnlyList<WatchCadenceStep> EffectiveBackOff => BackOff.Count > 0 ? BackOff : DefaultBackOff;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < BackOff.Count; i++)
        {
            if (BackOff[i].Every <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{SectionName}:BackOff:{i}:Every must be positive.", [nameof(BackOff)]);
            }

            if (i > 0 && BackOff[i].After <= BackOff[i - 1].After)
            {
                yield return new ValidationResult($"{SectionName}:BackOff:{i}:After must be later than the step before it.", [nameof(BackOff)]);
            }
        }
    }
}

/// <summary>One back-off step of the watch cadence.</summary>
public sealed class WatchCadenceStep
{
    /// <summary>Age from which the step applies.</summary>
    public TimeSpan After { get; set; }

    /// <summary>Refresh interval from then on.</summary>
    public TimeSpan Every { get; set; }
}
