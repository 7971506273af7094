using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerDigestDataSql
{
    // "No brands" means every brand: @allBrands switches the filter off. The brands travel as one JSON array, so the
    // statement is plain T-SQL (and one cached plan) whatever the number of brands.
    private const string MentionBrandFilter = "(@allBrands = 1 OR m.brand IN (SELECT b.[value] FROM OPENJSON(@brands) b))";

    private const string AlertBrandFilter = "(@allBrands = 1 OR a.brand IN (SELECT b.[value] FROM OPENJSON(@brands) b))";

    public static readonly DigestDataSql Statements = new(
        VolumeSql: $"""
            SELECT DATEDIFF_BIG(second, @start, m.created_at) / @bucketSeconds AS Bucket,
                   COUNT_BIG(*) AS Mentions,
                   CAST(SUM(CASE WHEN m.sentiment = N'Negative' THEN 1 ELSE 0 END) AS bigint) AS Negative
              FROM dbo.mentions m
             WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
             GROUP BY DATEDIFF_BIG(second, @start, m.created_at) / @bucketSeconds
            """,
        // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
        AlertCountsSql: $"""
            SELECT
              CAST(SUM(CASE WHEN a.kind <> N'Operator' AND a.created_at >= @start AND a.created_at < @end THEN 1 ELSE 0 END) AS bigint) AS Opened,
              CAST(SUM(CASE WHEN a.kind <> N'Operator' AND a.state = N'Resolved' AND a.resolved_at >= @start AND a.resolved_at < @end THEN 1 ELSE 0 END) AS bigint) AS Resolved,
              CAST(SUM(CASE WHEN a.kind <> N'Operator' AND a.is_open = 1 AND a.created_at < @end THEN 1 ELSE 0 END) AS bigint) AS StillOpen,
              CAST(SUM(CASE WHEN a.first_response_due_at >= @start AND a.first_response_due_at < @end AND a.state <> N'Dismissed'
                  AND (a.first_responded_at IS NULL OR a.first_responded_at > a.first_response_due_at) THEN 1 ELSE 0 END) AS bigint) AS FirstResponseBreaches,
              CAST(SUM(CASE WHEN a.resolve_due_at >= @start AND a.resolve_due_at < @end AND a.state <> N'Dismissed'
                  AND (a.resolved_at IS NULL OR a.resolved_at > a.resolve_due_at) THEN 1 ELSE 0 END) AS bigint) AS ResolveBreaches,
              CAST(SUM(CASE WHEN a.kind = N'BrokenPromise' AND a.created_at >= @start AND a.created_at < @end THEN 1 ELSE 0 END) AS bigint) AS BrokenPromises
              FROM dbo.alerts a
             WHERE {AlertBrandFilter}
            """,
        FirstResponseTimesSql: $"""
            SELECT DATEDIFF_BIG(millisecond, a.created_at, a.first_responded_at)
              FROM dbo.alerts a
             WHERE a.kind = N'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter}
            """,
        TopRisksSql: $"""
            SELECT TOP (@limit) a.id AS AlertId, a.title AS Title, a.brand AS Brand,
                   CAST(COALESCE(m.escalation_score, 0) AS float) AS Score, CAST(a.priority AS bigint) AS Priority
              FROM dbo.alerts a
              LEFT JOIN dbo.mentions m ON m.id = a.mention_id
             WHERE a.kind = N'Mention' AND a.is_open = 1 AND a.created_at < @end AND {AlertBrandFilter}
             ORDER BY Score DESC, a.priority DESC, a.created_at DESC
            """,
        SpikesSql: $"""
            SELECT TOP (@limit) a.id AS AlertId, a.title AS Title, a.brand AS Brand, a.created_at AS CreatedAt
              FROM dbo.alerts a
             WHERE a.kind = N'Spike' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}
             ORDER BY a.created_at
            """,
        // reasons holds the escalation reasons as a JSON array. A reason is an object with a code (OPENJSON type 5), or a
        // plain string (type 1) in rows written before reasons had codes (folded into their codes afterwards).
        ComplaintReasonsSql: $"""
            SELECT k.Code AS [Code], k.Legacy AS [Legacy], COUNT_BIG(*) AS [Count]
              FROM dbo.mentions m
             CROSS APPLY OPENJSON(m.reasons) r
             CROSS APPLY (SELECT CASE WHEN r.[type] = 5 THEN JSON_VALUE(r.[value], '$.code') END AS Code,
                                 CASE WHEN r.[type] = 1 THEN CAST(r.[value] AS nvarchar(400)) END AS Legacy) k
             WHERE m.created_at >= @start AND m.created_at < @end AND m.complaint >= 0.5
               AND m.reasons IS NOT NULL AND ISJSON(m.reasons) = 1 AND r.[type] IN (1, 5) AND {MentionBrandFilter}
             GROUP BY k.Code, k.Legacy
            """,
        BucketParameters: bucket => new { bucketSeconds = (long)bucket.TotalSeconds },
        BrandsParameter: brands => DigestRows.ToJson(brands));
}
