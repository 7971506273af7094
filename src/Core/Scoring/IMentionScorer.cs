namespace SocialWatch.Core.Scoring;

/// <summary>
/// Scores mentions for sentiment, complaint and escalation. Implementations must be thread-safe and
/// score a whole batch at once: ingest calls this with a page of mentions, never one by one.
/// </summary>
public interface IMentionScorer
{
    /// <summary>Version label of the models in use, stored with every score.</summary>
    string ModelVersion { get; }

    /// <summary>Returns one score per input, in the same order.</summary>
    IReadOnlyList<MentionScore> Score(IReadOnlyList<ScoringInput> inputs);
}
