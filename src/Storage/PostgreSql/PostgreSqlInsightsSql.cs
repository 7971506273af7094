using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlInsightsSql
{
    private static readonly string QueueColumns = SqlInsightsStore.QueueColumns(PostgreSqlSyntax.Words.Double);

    public static readonly InsightsSql Statements = new()
    {
        // The open alerts are picked and limited first, then joined to their mentions: joining every open alert to its
        // mention before the LIMIT costs a random read per alert. Unset filters are NULL (or an empty team list) and drop out.
        // OFFSET 0 keeps the mention filter a per-alert primary-key probe: as a semi-join the planner would rather scan
        // every mention, which costs far more than ten thousand probes.
        QueueSql = $"""
            SELECT {QueueColumns}
            FROM (
                SELECT * FROM alerts o
                WHERE o.is_open
                  AND (cardinality(@Teams::text[]) = 0 OR o.team = ANY(@Teams::text[]))
                  AND (@Brand::text IS NULL OR o.brand = @Brand::text)
                  AND (@State::text IS NULL OR o.state = @State::text)
                  AND ((@Source::text IS NULL AND @Level::text IS NULL) OR EXISTS (
                      SELECT 1 FROM mentions f
                      WHERE f.id = o.mention_id AND (@Source::text IS NULL OR f.source = @Source::text) AND (@Level::text IS NULL OR f.escalation_level = @Level::text)
                      OFFSET 0))
                ORDER BY o.priority DESC, o.first_response_due_at NULLS LAST, o.created_at
                LIMIT @Limit
            ) a LEFT JOIN mentions m ON m.id = a.mention_id
            ORDER BY a.priority DESC, a.first_response_due_at NULLS LAST, a.created_at
            """,

        OpenByDueSql = StandardQueueViewSql.Page(PostgreSqlSyntax.Words, QueueColumns, QueueKeyset.Due, closed: false, backward: false),
        OpenByDueBackSql = StandardQueueViewSql.Page(PostgreSqlSyntax.Words, QueueColumns, QueueKeyset.Due, closed: false, backward: true),
        OpenByRiskSql = StandardQueueViewSql.Page(PostgreSqlSyntax.Words, QueueColumns, QueueKeyset.Risk, closed: false, backward: false),
        OpenByRiskBackSql = StandardQueueViewSql.Page(PostgreSqlSyntax.Words, QueueColumns, QueueKeyset.Risk, closed: false, backward: true),
        ClosedSql = StandardQueueViewSql.Page(PostgreSqlSyntax.Words, QueueColumns, QueueKeyset.Closed, closed: true, backward: false),
        ClosedBackSql = StandardQueueViewSql.Page(PostgreSqlSyntax.Words, QueueColumns, QueueKeyset.Closed, closed: true, backward: true),
        ViewCountsSql = StandardQueueViewSql.Counts(PostgreSqlSyntax.Words),

        // Open alerts from the most dangerous down (ix_alerts_open_escalation, the mention's score copied onto the alert),
        // one primary-key probe per alert returned (OFFSET 0 stops the planner from turning it into a scan of all mentions).
        TopRisksSql = $"""
            SELECT {QueueColumns}
            FROM alerts a
            CROSS JOIN LATERAL (SELECT * FROM mentions m0 WHERE m0.id = a.mention_id OFFSET 0) AS m
            WHERE a.is_open AND a.escalation_score IS NOT NULL AND (cardinality(@brands::text[]) = 0 OR a.brand = ANY(@brands::text[]))
            ORDER BY a.escalation_score DESC
            LIMIT @limit
            """,
        VolumeSql = """
            SELECT brand AS Brand, (extract(epoch FROM date_trunc('hour', created_at)) / 3600)::bigint AS Hour, COUNT(*)::int AS Mentions,
                   COUNT(*) FILTER (WHERE sentiment = 'Negative')::int AS Negative
            FROM mentions
            WHERE created_at >= @since AND created_at < @until
            GROUP BY brand, date_trunc('hour', created_at)
            """,
        SpikesSql = StandardInsightsSql.SpikesSql,
        SourcesSql = """
            SELECT source AS Key, COUNT(*)::int AS Count
            FROM mentions
            WHERE created_at >= @since AND created_at < @until
            GROUP BY source
            ORDER BY COUNT(*) DESC
            """,

        // A reason is an object with a code, or a plain string in rows written before reasons had codes; the string
        // groups are folded into their codes afterwards.
        ReasonsSql = """
            SELECT CASE WHEN jsonb_typeof(r.value) = 'object' THEN r.value ->> 'code' END AS Code,
                   CASE WHEN jsonb_typeof(r.value) = 'string' THEN r.value #>> '{}' END AS Legacy,
                   COUNT(*) AS Count
            FROM alerts a CROSS JOIN LATERAL jsonb_array_elements(a.reasons::jsonb) AS r(value)
            WHERE a.is_open AND jsonb_typeof(r.value) IN ('object', 'string')
            GROUP BY 1, 2
            """,
        SlaSql = """
            SELECT COUNT(*)::int AS Open,
                   COUNT(*) FILTER (WHERE (first_responded_at IS NULL AND first_response_due_at < @now) OR resolve_due_at < @now)::int AS Breached,
                   COUNT(*) FILTER (WHERE NOT COALESCE((first_responded_at IS NULL AND first_response_due_at < @now) OR resolve_due_at < @now, false)
                            AND first_responded_at IS NULL AND first_response_due_at < @soon)::int AS DueSoon,
                   COUNT(*) FILTER (WHERE first_response_due_at IS NULL AND resolve_due_at IS NULL)::int AS NoDeadline
            FROM alerts
            WHERE is_open
            """,
        HistorySql = """
            SELECT m.id AS MentionId, m.text AS Text, m.created_at AS CreatedAt, a.state AS AlertState, a.dismiss_reason AS DismissReason
            FROM mentions m LEFT JOIN alerts a ON a.mention_id = m.id
            WHERE m.author_id = @authorId AND m.source = @source AND m.brand = @brand AND m.id <> @excludeMentionId AND NOT m.redacted
            ORDER BY m.created_at DESC
            LIMIT @limit
            """,
        FacetsSql = """
            SELECT DISTINCT a.brand FROM alerts a WHERE a.is_open ORDER BY a.brand;
            SELECT DISTINCT source FROM mentions ORDER BY source;
            """,
    };
}
