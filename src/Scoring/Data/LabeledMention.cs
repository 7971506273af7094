using SocialWatch.Core.Scoring;

namespace SocialWatch.Scoring.Data;

/// <summary>One training or evaluation example. Any label may be absent; context (reach, engagement) only in in-domain files.</summary>
internal sealed record LabeledMention(ScoringInput Input)
{
    public SentimentLabel? Sentiment { get; init; }

    public bool? Complaint { get; init; }

    public bool? Escalate { get; init; }

    /// <summary>Training weight; in-domain labels count more than generic ones.</summary>
    public float Weight { get; init; } = 1f;

    /// <summary>Which dataset it came from, for per-source metrics.</summary>
    public string Origin { get; init; } = "";

    public string Text => Input.Text;
}
