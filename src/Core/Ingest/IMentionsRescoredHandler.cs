using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Ingest;

/// <summary>
/// Called after a refresh page's new scores are committed (alerting raises an alert for a mention that now passes
/// routing, and re-plans the open ones). Called again for the same mentions on a later refresh; must be idempotent.
/// </summary>
public interface IMentionsRescoredHandler
{
    Task OnRescoredAsync(IReadOnlyList<RescoredMention> mentions, CancellationToken cancellationToken);
}

/// <summary>A watched mention after a refresh: stored with its new score, the score it had before, and how fast it grows.</summary>
public sealed record RescoredMention(StoredMention Mention, MentionScore? Previous, EngagementVelocity? Velocity);
