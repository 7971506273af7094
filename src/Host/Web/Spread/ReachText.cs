using SocialWatch.Alerts.Spread;

namespace SocialWatch.Host.Web.Spread;

/// <summary>How a reach projection reads on the pages.</summary>
public static class ReachText
{
    /// <summary>"≈ 4.2k at 24 h (1.9k–9k)"; a horizon already passed reads "4.2k at 24 h (observed)".</summary>
    public static string Brief(ReachProjection p) => p.Method == ReachProjector.ObservedMethodName
        ? $"{Format.Count(p.Expected)} at {Hours(p.Horizon)} (observed)"
        : $"≈ {Format.Count(p.Expected)} at {Hours(p.Horizon)} ({Format.Count(p.Low)}–{Format.Count(p.High)})";

    /// <summary>Every figure in words, for a title or a screen reader.</summary>
    public static string Spoken(ReachProjection p) => p.Method == ReachProjector.ObservedMethodName
        ? $"{Format.Count(p.Expected)} interactions {Hours(p.Horizon)} after it was posted (read, not projected)"
        : $"Projected {Format.Count(p.Expected)} interactions {Hours(p.Horizon)} after it was posted, 90% interval {Format.Count(p.Low)} to {Format.Count(p.High)}, "
          + $"confidence {Confidence(p.Confidence)}, read until {Format.Duration(p.ObservedAge)} after posting ({p.Method})";

    /// <summary>The horizon in hours, as the docs state it ("24 h", never "1 d 0 h").</summary>
    private static string Hours(TimeSpan horizon) => horizon.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " h";

    public static string Confidence(ProjectionConfidence confidence) => confidence.ToString().ToLowerInvariant();
}
