using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Runtime;

namespace SocialWatch.Scoring.Retrain;

/// <summary>Restores the model that was current before the last promotion and loads it into the running scorer.</summary>
public sealed class RollbackModel(ModelRepository repository, MentionScorer scorer)
{
    /// <summary>Returns the version now in use.</summary>
    public string Run()
    {
        var restored = repository.Rollback();
        scorer.Reload();
        return restored;
    }
}
