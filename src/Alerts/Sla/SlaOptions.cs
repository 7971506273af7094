using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Alerts.Sla;

/// <summary>How the SLA sweep warns and how deadlines tighten when a mention spreads.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Alerts:Sla";

    /// <summary>
    /// Engagement doubling time at which deadlines start to tighten. A mention doubling twice as fast gets half the
    /// time left (down to <see cref="MinTighteningFactor"/> of the policy's time).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TightenBelowDoublingTime { get; set; } = TimeSpan.FromHours(6);

    [Range(0.01, 1.0)]
    public double MinTighteningFactor { get; set; } = 0.2;

    /// <summary>A mention doubling faster than this also gets its priority raised by one step.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RaisePriorityBelowDoublingTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before a deadline the team lead is warned.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most open alerts one sweep reads.</summary>
    [Range(1, 1_000_000)]
    public int SweepLimit { get; set; } = 20_000;
}
