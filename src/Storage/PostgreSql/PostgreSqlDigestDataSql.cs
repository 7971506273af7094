using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlDigestDataSql
{
    // "No brands" means every brand: @allBrands switches the filter off; Npgsql sends @brands as one text[] parameter.
    private static readonly string MentionBrandFilter = StandardDigestDataSql.MentionBrandFilter(PostgreSqlSyntax.Words);
    private static readonly string AlertBrandFilter = StandardDigestDataSql.AlertBrandFilter(PostgreSqlSyntax.Words);

    public static readonly DigestDataSql Statements = StandardDigestDataSql.Statements(
        PostgreSqlSyntax.Words,
        volumeSql: $"""
            SELECT floor(extract(epoch FROM (m.created_at - @start)) / @bucketSeconds)::bigint AS Bucket,
                   count(*) AS Mentions,
                   count(*) FILTER (WHERE m.sentiment = 'Negative') AS Negative
              FROM mentions m
             WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
             GROUP BY 1
            """,
        // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
        alertCountsSql: $"""
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
        firstResponseTimesSql: $"""
            SELECT (extract(epoch FROM (a.first_responded_at - a.created_at)) * 1000)::bigint
              FROM alerts a
             WHERE a.kind = 'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter}
            """,
        // reasons holds the escalation reasons as a JSON array in a text column. A reason is an object with a code, or a
        // plain string in rows written before reasons had codes (folded into their codes afterwards).
        complaintReasonsSql: $$"""
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
        bucketParameters: bucket => new { bucketSeconds = bucket.TotalSeconds },
        brandsParameter: brands => brands.ToArray());
}
