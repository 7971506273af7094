namespace SocialWatch.Core.Spikes;

/// <summary>Mentions of a brand in one window, and how many of them were negative.</summary>
public readonly record struct WindowCount(DateTimeOffset From, DateTimeOffset To, long Total, long Negative);
