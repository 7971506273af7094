namespace SocialWatch.Core.Scoring;

/// <summary>
/// An in-domain label from the care team (a dismissal, a correction) or from a labelled file.
/// Any label may be absent. These retrain the models per brand.
/// </summary>
public sealed record FeedbackLabel
{
    public long Id { get; init; }
    public required string Text { get; init; }
    public string? Brand { get; init; }
    public SentimentLabel? Sentiment { get; init; }
    public bool? Complaint { get; init; }
    public bool? Escalate { get; init; }

    /// <summary>Where the label came from: "dismissal", "correction", "import".</summary>
    public string Origin { get; init; } = "import";

    public long? MentionId { get; init; }
    public string? Actor { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
