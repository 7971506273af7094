using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteInsightsSql
{
    private static readonly string QueueColumns = SqlInsightsStore.QueueColumns(SqliteSyntax.Words.Double);

    public static readonly InsightsSql Statements = new()
    {
        // The open alerts are picked and limited first, then joined to their mentions: joining ten thousand open alerts
        // to a million mentions before the LIMIT costs a random read per alert. Unset filters are NULL and drop out.
        QueueSql = $"""
            SELECT {QueueColumns}
            FROM (
                SELECT * FROM alerts o
                WHERE o.is_open = 1
                  AND (@TeamsJson IS NULL OR o.team IN (SELECT value FROM json_each(@TeamsJson)))
                  AND (@Brand IS NULL OR o.brand = @Brand)
                  AND (@State IS NULL OR o.state = @State)
                  AND ((@Source IS NULL AND @Level IS NULL) OR EXISTS (
                      SELECT 1 FROM mentions f
                      WHERE f.id = o.mention_id AND (@Source IS NULL OR f.source = @Source) AND (@Level IS NULL OR f.escalation_level = @Level)))
                ORDER BY o.priority DESC, o.first_response_due_at IS NULL, o.first_response_due_at, o.created_at
                LIMIT @Limit
            ) a LEFT JOIN mentions m ON m.id = a.mention_id
            ORDER BY a.priority DESC, a.first_response_due_at IS NULL, a.first_response_due_at, a.created_at
            """,

        OpenByDueSql = StandardQueueViewSql.Page(SqliteSyntax.Words, QueueColumns, QueueKeyset.Due, closed: false, backward: false),
        OpenByDueBackSql = StandardQueueViewSql.Page(SqliteSyntax.Words, QueueColumns, QueueKeyset.Due, closed: false, backward: true),
        OpenByRiskSql = StandardQueueViewSql.Page(SqliteSyntax.Words, QueueColumns, QueueKeyset.Risk, closed: false, backward: false),
        OpenByRiskBackSql = StandardQueueViewSql.Page(SqliteSyntax.Words, QueueColumns, QueueKeyset.Risk, closed: false, backward: true),
        ClosedSql = StandardQueueViewSql.Page(SqliteSyntax.Words, QueueColumns, QueueKeyset.Closed, closed: true, backward: false),
        ClosedBackSql = StandardQueueViewSql.Page(SqliteSyntax.Words, QueueColumns, QueueKeyset.Closed, closed: true, backward: true),
        ViewCountsSql = StandardQueueViewSql.Counts(SqliteSyntax.Words),

        // Walks open alerts from the most dangerous down (ix_alerts_open_escalation, the mention's score copied onto the
        // alert) and reads only the mentions it returns, instead of reading the mention of every open alert.
        TopRisksSql = $"""
            SELECT {QueueColumns}
            FROM alerts a INDEXED BY ix_alerts_open_escalation
            JOIN mentions m ON m.id = a.mention_id
            WHERE a.is_open = 1 AND a.escalation_score IS NOT NULL AND (@brandsJson IS NULL OR a.brand IN (SELECT value FROM json_each(@brandsJson)))
            ORDER BY a.escalation_score DESC
            LIMIT @limit
            """,
        VolumeSql = """
            SELECT brand AS Brand, created_at / 3600000 AS Hour, COUNT(*) AS Mentions,
                   SUM(CASE WHEN sentiment = 'Negative' THEN 1 ELSE 0 END) AS Negative
            FROM mentions INDEXED BY ix_mentions_created_brand
            WHERE created_at >= @since AND created_at < @until
            GROUP BY brand, created_at / 3600000
            """,
        SpikesSql = StandardInsightsSql.SpikesSql,
        SourcesSql = """
            SELECT source AS Key, COUNT(*) AS Count
            FROM mentions INDEXED BY ix_mentions_created_brand
            WHERE created_at >= @since AND created_at < @until
            GROUP BY source
            ORDER BY COUNT(*) DESC
            """,

        // A reason is an object with a code, or a plain string in rows written before reasons had codes; the string
        // groups are folded into their codes afterwards.
        ReasonsSql = """
            SELECT CASE WHEN r.type = 'object' THEN json_extract(r.value, '$.code') END AS Code,
                   CASE WHEN r.type = 'text' THEN r.value END AS Legacy,
                   COUNT(*) AS Count
            FROM alerts a, json_each(a.reasons) r
            WHERE a.is_open = 1 AND r.type IN ('object', 'text')
            GROUP BY Code, Legacy
            """,

        // Breached: the first response is late, or the resolution is. Due soon: the first response is due within the
        // warning window. The rest with a deadline are on track.
        SlaSql = """
            SELECT COUNT(*) AS Open,
                   COALESCE(SUM(CASE WHEN (first_responded_at IS NULL AND first_response_due_at < @now) OR resolve_due_at < @now THEN 1 ELSE 0 END), 0) AS Breached,
                   COALESCE(SUM(CASE WHEN NOT ((first_responded_at IS NULL AND first_response_due_at < @now) OR resolve_due_at < @now)
                            AND first_responded_at IS NULL AND first_response_due_at < @soon THEN 1 ELSE 0 END), 0) AS DueSoon,
                   COALESCE(SUM(CASE WHEN first_response_due_at IS NULL AND resolve_due_at IS NULL THEN 1 ELSE 0 END), 0) AS NoDeadline
            FROM alerts
            WHERE is_open = 1
            """,

        // Each level yields the author's newest matching mentions on its own (its key is ordered by created_at after
        // author and source, so the walk stops at the limit); the three short lists are then merged. One ordered walk over
        // all three would have to read every mention of a prolific author before it could sort them.
        HistorySql = SqliteAuthorIndex.UnionOfLevels(table => $"""
            SELECT * FROM (
                SELECT m.id AS MentionId, m.text AS Text, m.created_at AS CreatedAt, a.state AS AlertState, a.dismiss_reason AS DismissReason
                FROM {table} k
                CROSS JOIN mentions m ON m.id = k.mention_id
                LEFT JOIN alerts a ON a.mention_id = m.id
                WHERE k.author_id = @authorId AND k.source = @source
                    AND m.brand = @brand AND m.id <> @excludeMentionId AND m.redacted = 0
                ORDER BY k.created_at DESC
                LIMIT @limit)
            """) + " ORDER BY CreatedAt DESC LIMIT @limit",
        FacetsSql = """
            SELECT DISTINCT a.brand FROM alerts a WHERE a.is_open = 1 ORDER BY a.brand;
            SELECT DISTINCT source FROM mentions ORDER BY source;
            """,
    };
}
