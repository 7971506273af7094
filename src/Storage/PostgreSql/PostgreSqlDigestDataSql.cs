using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlDigestDataSql
{
    // "No brands" means every brand; Npgsql sends @brands as one text[] parameter.
    private const string MentionBrandFilter = "(@allBrands OR m.brand = ANY(@brands))";

    private const string AlertBrandFilter = "(@allBrands OR a.brand = ANY(@brands))";

    public static readonly DigestDataSql Statements = new(
        VolumeSql: $"""
            SELECT floor(extract(epoch FROM (m.created_at - @start)) / @bucketSeconds)::bigint AS Bucket,
                   count(*) AS Mentions,
                   count(*) FILTER (WHERE m.sentiment = 'Negative') AS Negative
              FROM mentions m
             WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
             GROUP BY 1
            """,
        // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
        AlertCountsSql: $"""
            SELECT
              count(*) FILTER (WHERE a.kind <> 'Operator' AND a.created_at >= @start AND a.created_at < @end) AS Opened,
              count(*) FILTER (WHERE a.kind <> 'Operator' AND a.state = 'Resolved' AND a.resolved_at >= @start AND a.resolved_at < @end) AS Resolved,
              count(*) FILTER (WHERE a.kind <> 'Operator' AND a.is_open AND a.created_at < @end) AS StillOpen,
              count(*) FILTER (WHERE a.first_response_due_at >= @start AND a.first_response_due_at < @end AND a.state <> 'Dismissed'
                  AND (a.first_responded_at IS NULL OR a.first_responded_at > a.first_response_due_at)) AS FirstResponseBreaches,
              count(*) FILTER (WHERE a.resolve_due_at >= @start AND a.resolve_due_at < @end AND a.state <> 'Dismissed'
                  AND (a.resolved_at IS NULL OR a.resolved_at > a.resolve_due_at)) AS ResolveBreaches,
              count(*) FILTER (WHERE a.kind = 'BrokenPromise' AND a.created_at >= @start AND a.created_at < @end) AS BrokenPromises
              FROM alerts a
             WHERE {AlertBrandFilter}
            """,
        FirstResponseTimesSql: $"""
            SELECT (extract(epoch FROM (a.first_responded_at - a.created_at)) * 1000)::bigint
              FROM alerts a
             WHERE a.kind = 'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter}
            """,
        TopRisksSql: $"""
            SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, coalesce(m.escalation_score, 0)::double precision AS Score,
                   a.priority::bigint AS Priority
              FROM alerts a
              LEFT JOIN mentions m ON m.id = a.mention_id
             WHERE a.kind = 'Mention' AND a.is_open AND a.created_at < @end AND {AlertBrandFilter}
             ORDER BY 4 DESC, a.priority DESC, a.created_at DESC
             LIMIT @limit
            """,
        SpikesSql: $"""
            SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, a.created_at AS CreatedAt
              FROM alerts a
             WHERE a.kind = 'Spike' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}
             ORDER BY a.created_at
             LIMIT @limit
            """,
        // reasons holds the escalation reasons as a JSON array in a text column. A reason is an object with a code, or a
        // plain string in rows written before reasons had codes (folded into their codes afterwards).
        ComplaintReasonsSql: $$"""
            SELECT CASE WHEN jsonb_typeof(r.reason) = 'object' THEN r.reason ->> 'code' END AS Code,
                   CASE WHEN jsonb_typeof(r.reason) = 'string' THEN r.reason #>> '{}' END AS Legacy,
                   count(*) AS Count
              FROM mentions m
             CROSS JOIN LATERAL jsonb_array_elements(m.reasons::jsonb) AS r(reason)
             WHERE m.created_at >= @start AND m.created_at < @end AND m.complaint >= 0.5
               AND m.reasons IS NOT NULL AND left(m.reasons, 1) = '[' AND jsonb_typeof(r.reason) IN ('object', 'string')
               AND {{MentionBrandFilter}}
             GROUP BY 1, 2
            """,
        BucketParameters: bucket => new { bucketSeconds = bucket.TotalSeconds },
        BrandsParameter: brands => brands.ToArray());
}
