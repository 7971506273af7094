namespace SocialWatch.Storage.Standard;

/// <summary>The Insights statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardInsightsSql
{
    public const string SpikesSql = """
        SELECT id AS AlertId, brand AS Brand, created_at AS At
        FROM alerts
        WHERE kind = 'Spike' AND created_at >= @since AND created_at < @until
        ORDER BY created_at
        """;
}
