namespace SocialWatch.Ingest.Jobs;

/// <summary>A source that bills per post read, with a daily budget per brand.</summary>
public interface IBudgetedSource
{
    /// <summary>Posts that may be read per brand and UTC day; null means no budget.</summary>
    long? DailyReadBudget { get; }
}
