using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteDigestDataSql
{
    // "No brands" means every brand: @allBrands switches the filter off, Dapper expands @brands to a list.
    private static readonly string MentionBrandFilter = StandardDigestDataSql.MentionBrandFilter(SqliteSyntax.Words);
    private static readonly string AlertBrandFilter = StandardDigestDataSql.AlertBrandFilter(SqliteSyntax.Words);

    public static readonly DigestDataSql Statements = StandardDigestDataSql.Statements(
        SqliteSyntax.Words,
        volumeSql: $"""
            SELECT (m.created_at - @start) / @bucketMs AS Bucket,
                   COUNT(*) AS Mentions,
                   SUM(CASE WHEN m.sentiment = 'Negative' THEN 1 ELSE 0 END) AS Negative
              FROM mentions m
             WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
             GROUP BY (m.created_at - @start) / @bucketMs
            """,
        // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
        alertCountsSql: $"""
            SELECT
              (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}) AS Opened,
              (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.state = 'Resolved' AND a.resolved_at >= @start AND a.resolved_at < @end AND {AlertBrandFilter}) AS Resolved,
              (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.is_open = 1 AND a.created_at < @end AND {AlertBrandFilter}) AS StillOpen,
              (SELECT COUNT(*) FROM alerts a WHERE a.first_response_due_at >= @start AND a.first_response_due_at < @end AND a.state <> 'Dismissed'
                  AND (a.first_responded_at IS NULL OR a.first_responded_at > a.first_response_due_at) AND {AlertBrandFilter}) AS FirstResponseBreaches,
              (SELECT COUNT(*) FROM alerts a WHERE a.resolve_due_at >= @start AND a.resolve_due_at < @end AND a.state <> 'Dismissed'
                  AND (a.resolved_at IS NULL OR a.resolved_at > a.resolve_due_at) AND {AlertBrandFilter}) AS ResolveBreaches,
              (SELECT COUNT(*) FROM alerts a WHERE a.kind = 'BrokenPromise' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}) AS BrokenPromises
            """,
        firstResponseTimesSql: $"""
            SELECT a.first_responded_at - a.created_at
              FROM alerts a
             WHERE a.kind = 'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter}
            """,
        // reasons holds the escalation reasons as a JSON array; json_each gives one row per reason. A reason is an object
        // with a code, or a plain string in rows written before reasons had codes (folded into their codes afterwards).
        complaintReasonsSql: $"""
            SELECT CASE WHEN r.type = 'object' THEN json_extract(r.value, '$.code') END AS Code,
                   CASE WHEN r.type = 'text' THEN r.value END AS Legacy,
                   COUNT(*) AS Count
              FROM mentions m, json_each(m.reasons) r
             WHERE m.created_at >= @start AND m.created_at < @end AND m.complaint >= 0.5
               AND m.reasons IS NOT NULL AND json_valid(m.reasons) AND r.type IN ('object', 'text') AND {MentionBrandFilter}
             GROUP BY Code, Legacy
            """,
        // Times are unix milliseconds: buckets are counted in milliseconds too.
        bucketParameters: bucket => new { bucketMs = (long)bucket.TotalMilliseconds },
        brandsParameter: brands => brands.Count == 0 ? [""] : brands.ToArray());
}
