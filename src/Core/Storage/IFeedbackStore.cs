using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Storage;

/// <summary>Labels that feed the retrain job.</summary>
public interface IFeedbackStore
{
    Task<long> AddAsync(FeedbackLabel label, CancellationToken cancellationToken);

    /// <summary>Labels with an id above <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<FeedbackLabel>> GetAsync(long afterId, int limit, CancellationToken cancellationToken);
}
