using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Alerts.Reopen;

public sealed class ReopenOptions
{
    public const string SectionName = "Alerts:Reopen";

    /// <summary>A new complaint from the same author within this time after resolution reopens the case.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);
}
