using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The digest aggregates SQLite and PostgreSQL share, written once over <see cref="StandardSyntax"/>. Each dialect gives
/// the ones that differ in approach: time buckets and durations (unix milliseconds against timestamps), the alert counts
/// (subqueries against FILTER) and the reasons (json_each against jsonb).
/// </summary>
internal static class StandardDigestDataSql
{
    /// <summary>"No brands" means every brand: @allBrands switches the filter off.</summary>
    public static string MentionBrandFilter(StandardSyntax s) => $"({s.IsTrue("@allBrands")} OR m.brand {s.InList("@brands")})";

    /// <inheritdoc cref="MentionBrandFilter"/>
    public static string AlertBrandFilter(StandardSyntax s) => $"({s.IsTrue("@allBrands")} OR a.brand {s.InList("@brands")})";

    public static DigestDataSql Statements(
        StandardSyntax s,
        string volumeSql,
        string alertCountsSql,
        string firstResponseTimesSql,
        string complaintReasonsSql,
        Func<TimeSpan, object> bucketParameters,
        Func<IReadOnlyList<string>, object> brandsParameter) => new(
            VolumeSql: volumeSql,
            AlertCountsSql: alertCountsSql,
            FirstResponseTimesSql: firstResponseTimesSql,
            TopRisksSql: $"""
                SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, CAST(COALESCE(m.escalation_score, 0) AS {s.Double}) AS Score,
                       CAST(a.priority AS BIGINT) AS Priority
                  FROM alerts a
                  LEFT JOIN mentions m ON m.id = a.mention_id
                 WHERE a.kind = 'Mention' AND {s.IsTrue("a.is_open")} AND a.created_at < @end AND {AlertBrandFilter(s)}
                 ORDER BY 4 DESC, a.priority DESC, a.created_at DESC
                 LIMIT @limit
                """,
            SpikesSql: $"""
                SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, a.created_at AS CreatedAt
                  FROM alerts a
                 WHERE a.kind = 'Spike' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter(s)}
                 ORDER BY a.created_at
                 LIMIT @limit
                """,
            ComplaintReasonsSql: complaintReasonsSql,
            BucketParameters: bucketParameters,
            BrandsParameter: brandsParameter);
}
