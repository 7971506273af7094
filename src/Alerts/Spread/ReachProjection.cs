namespace SocialWatch.Alerts.Spread;

/// <summary>How far the projection's interval can be trusted, from its width.</summary>
public enum ProjectionConfidence
{
    /// <summary>The high end is more than three times the low end: the early series cannot tell a fizzle from a fire.</summary>
    Low,

    /// <summary>The interval spans a factor between 1.5 and 3.</summary>
    Medium,

    /// <summary>The interval spans at most a factor of 1.5.</summary>
    High,
}

/// <summary>
/// Total interactions a post is expected to have <see cref="Horizon"/> after it was created, with a 90% interval,
/// projected from the engagement snapshots read until it was <see cref="ObservedAge"/> old.
/// </summary>
/// <param name="Current">Interactions at the latest usable snapshot.</param>
/// <param name="Expected">The point estimate; never below <paramref name="Current"/>.</param>
/// <param name="Low">The interval's low end (at least <paramref name="Current"/>).</param>
/// <param name="High">The interval's high end.</param>
/// <param name="DecayExponent">The fitted exponent of the power-law decay of the interaction rate (0: steady, above 1: fading); null once the horizon has passed.</param>
/// <param name="Method">The method's name, for display and for the docs.</param>
public sealed record ReachProjection(
    long Current,
    TimeSpan ObservedAge,
    TimeSpan Horizon,
    long Expected,
    long Low,
    long High,
    double? DecayExponent,
    ProjectionConfidence Confidence,
    string Method);
