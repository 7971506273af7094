using System.ComponentModel.DataAnnotations;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Spikes;

public sealed class SpikeOptions
{
    public const string SectionName = "Alerts:Spikes";

    /// <summary>Length of the rolling window compared with the baseline.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many past weeks give the same-time-of-week baseline.</summary>
    [Range(1, 26)]
    public int BaselineWeeks { get; set; } = 4;

    /// <summary>
    /// Neighbouring windows on each side of the same time of week also count as baseline samples (more samples for
    /// the median, and a slightly early or late daily rush is not a spike).
    /// </summary>
    [Range(0, 6)]
    public int NeighbourWindows { get; set; } = 1;

    /// <summary>Fewer mentions than this in the window never make a volume spike, whatever the baseline.</summary>
    [Range(1, 100_000)]
    public int MinCount { get; set; } = 10;

    /// <summary>Robust z-score (median + z × 1.4826 × MAD) the window must exceed.</summary>
    [Range(1.0, 20.0)]
    public double RobustZ { get; set; } = 4.0;

    /// <summary>
    /// The window must hold at least this multiple of the baseline median. Twelve baseline samples estimate the spread
    /// only roughly, and a busy brand's ordinary +50 % hour is not news for PR.
    /// </summary>
    [Range(1.0, 100.0)]
    public double MinRatio { get; set; } = 2.0;

    /// <summary>Tail probability under Poisson noise around the baseline below which a count is a spike.</summary>
    [Range(1e-9, 0.1)]
    public double Alpha { get; set; } = 0.001;

    /// <summary>Fewer negative mentions than this never make a negativity spike.</summary>
    [Range(1, 100_000)]
    public int MinNegativeCount { get; set; } = 8;

    /// <summary>The negative share must rise at least this much above the baseline share (0.2 = 20 points).</summary>
    [Range(0.0, 1.0)]
    public double MinNegativeShareIncrease { get; set; } = 0.2;

    /// <summary>Negative share assumed before a brand has history; the baseline shrinks towards it at low volume.</summary>
    [Range(0.0, 1.0)]
    public double PriorNegativeShare { get; set; } = 0.2;

    /// <summary>After a spike ends, a new one within this time is taken as the same spike (no new alert).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Team that gets spike alerts.</summary>
    [Required]
    public string Team { get; set; } = "pr";

    public AlertPriority Priority { get; set; } = AlertPriority.High;
}
