namespace SocialWatch.Core.Scoring;

public enum SentimentLabel
{
    Negative,
    Neutral,
    Positive,
}

public enum EscalationLevel
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>Calibrated class probabilities; they sum to 1.</summary>
public sealed record SentimentScore(SentimentLabel Label, float Negative, float Neutral, float Positive);

/// <summary>How likely a mention is to blow up, 0..1, with reasons a person can read and a chart can count.</summary>
public sealed record EscalationScore(float Score, EscalationLevel Level, IReadOnlyList<Reason> Reasons);

/// <summary>Everything the models say about one mention.</summary>
public sealed record MentionScore(SentimentScore Sentiment, float Complaint, EscalationScore Escalation, string ModelVersion);
