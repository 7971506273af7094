using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerInsightsSql
{
    private const string QueueColumns = """
        a.id AS Id, a.kind AS Kind, a.mention_id AS MentionId, a.brand AS Brand, a.team AS Team, a.priority AS Priority,
        a.state AS State, a.title AS Title, a.reasons AS Reasons, a.assigned_to AS AssignedTo, a.created_at AS CreatedAt,
        a.updated_at AS UpdatedAt, a.first_response_due_at AS FirstResponseDueAt, a.resolve_due_at AS ResolveDueAt,
        a.first_responded_at AS FirstRespondedAt, a.resolved_at AS ResolvedAt, a.dismiss_reason AS DismissReason,
        a.version AS Version,
        m.id AS MId, m.source AS Source, m.[text] AS Text, m.author_id AS AuthorId, m.author_handle AS AuthorHandle,
        m.author_display_name AS AuthorDisplayName, m.author_followers AS AuthorFollowers, m.author_verified AS AuthorVerified,
        m.url AS Url, CAST(m.likes AS float) + m.reposts + m.replies + m.quotes AS Engagement, m.escalation_score AS EscalationScore,
        m.escalation_level AS EscalationLevel, m.p_negative AS PNegative, m.created_at AS MCreatedAt
        """;

    private const string Breached = "((o.first_responded_at IS NULL AND o.first_response_due_at < @Now) OR o.resolve_due_at < @Now)";

    private const string DueSoon = """
        (o.first_responded_at IS NULL AND o.first_response_due_at >= @Now AND o.first_response_due_at < @Soon
         AND (o.resolve_due_at IS NULL OR o.resolve_due_at >= @Now))
        """;

    private const string OpenView = $"""
        o.is_open = 1
              AND (@View <> 1 OR o.assigned_to = @Me)
              AND (@View <> 2 OR o.assigned_to IS NULL)
              AND (@View <> 3 OR o.team IN (SELECT [value] FROM OPENJSON(@MemberTeamsJson)))
              AND (@View <> 4 OR {Breached})
              AND (@View <> 5 OR {DueSoon})
        """;

    public static readonly InsightsSql Statements = new()
    {
        // The open alerts are picked and limited first, then joined to their mentions. Unset filters are NULL and drop
        // out; RECOMPILE gives each combination its own plan. Teams travel as a JSON array so any team name works.
        QueueSql = $"""
            SELECT {QueueColumns}
            FROM (
                SELECT TOP (@Limit) o.* FROM dbo.alerts o
                WHERE o.is_open = 1
                  AND (@TeamsJson IS NULL OR o.team IN (SELECT [value] FROM OPENJSON(@TeamsJson)))
                  AND (@Brand IS NULL OR o.brand = @Brand)
                  AND (@State IS NULL OR o.state = @State)
                  AND ((@Source IS NULL AND @Level IS NULL) OR EXISTS (
                      SELECT 1 FROM dbo.mentions f
                      WHERE f.id = o.mention_id AND (@Source IS NULL OR f.source = @Source) AND (@Level IS NULL OR f.escalation_level = @Level)))
                ORDER BY o.priority DESC, CASE WHEN o.first_response_due_at IS NULL THEN 1 ELSE 0 END, o.first_response_due_at, o.created_at
            ) a LEFT JOIN dbo.mentions m ON m.id = a.mention_id
            ORDER BY a.priority DESC, CASE WHEN a.first_response_due_at IS NULL THEN 1 ELSE 0 END, a.first_response_due_at, a.created_at
            OPTION (RECOMPILE);
            """,

        OpenByDueSql = Page(QueueKeyset.Due, closed: false, backward: false),
        OpenByDueBackSql = Page(QueueKeyset.Due, closed: false, backward: true),
        OpenByRiskSql = Page(QueueKeyset.Risk, closed: false, backward: false),
        OpenByRiskBackSql = Page(QueueKeyset.Risk, closed: false, backward: true),
        ClosedSql = Page(QueueKeyset.Closed, closed: true, backward: false),
        ClosedBackSql = Page(QueueKeyset.Closed, closed: true, backward: true),

        // The assignee and the team names compare as the database's collation does (case-insensitive by default).
        ViewCountsSql = $"""
            SELECT COUNT_BIG(*) AS AllOpen,
                   COALESCE(SUM(CAST(CASE WHEN o.assigned_to = @Me THEN 1 ELSE 0 END AS bigint)), 0) AS Mine,
                   COALESCE(SUM(CAST(CASE WHEN o.assigned_to IS NULL THEN 1 ELSE 0 END AS bigint)), 0) AS Unassigned,
                   COALESCE(SUM(CAST(CASE WHEN o.team IN (SELECT [value] FROM OPENJSON(@MemberTeamsJson)) THEN 1 ELSE 0 END AS bigint)), 0) AS MyTeam,
                   COALESCE(SUM(CAST(CASE WHEN {Breached} THEN 1 ELSE 0 END AS bigint)), 0) AS Breached,
                   COALESCE(SUM(CAST(CASE WHEN {DueSoon} THEN 1 ELSE 0 END AS bigint)), 0) AS DueSoon
            FROM dbo.alerts o
            WHERE o.is_open = 1 AND (@AllTeams = 1 OR o.team IN (SELECT [value] FROM OPENJSON(@TeamsJson)));
            """,

        // Open alerts from the most dangerous down (ix_alerts_open_escalation, the mention's score copied onto the alert).
        TopRisksSql = $"""
            SELECT TOP (@limit) {QueueColumns}
            FROM dbo.alerts a JOIN dbo.mentions m ON m.id = a.mention_id
            WHERE a.is_open = 1 AND a.escalation_score IS NOT NULL AND (@brandsJson IS NULL OR a.brand IN (SELECT [value] FROM OPENJSON(@brandsJson)))
            ORDER BY a.escalation_score DESC;
            """,
        VolumeSql = """
            SELECT brand AS Brand, DATEDIFF_BIG(hour, '1970-01-01T00:00:00+00:00', created_at) AS Hour, COUNT(*) AS Mentions,
                   SUM(CASE WHEN sentiment = N'Negative' THEN 1 ELSE 0 END) AS Negative
            FROM dbo.mentions
            WHERE created_at >= @since AND created_at < @until
            GROUP BY brand, DATEDIFF_BIG(hour, '1970-01-01T00:00:00+00:00', created_at);
            """,
        SpikesSql = """
            SELECT id AS AlertId, brand AS Brand, created_at AS At
            FROM dbo.alerts
            WHERE kind = N'Spike' AND created_at >= @since AND created_at < @until
            ORDER BY created_at;
            """,
        SourcesSql = """
            SELECT source AS [Key], COUNT(*) AS [Count]
            FROM dbo.mentions
            WHERE created_at >= @since AND created_at < @until
            GROUP BY source
            ORDER BY COUNT(*) DESC;
            """,

        // A reason is an object with a code (OPENJSON type 5), or a plain string (type 1) in rows written before
        // reasons had codes; the string groups are folded into their codes afterwards.
        ReasonsSql = """
            SELECT k.Code AS [Code], k.Legacy AS [Legacy], COUNT_BIG(*) AS [Count]
            FROM dbo.alerts a
            CROSS APPLY OPENJSON(a.reasons) r
            CROSS APPLY (SELECT CASE WHEN r.[type] = 5 THEN JSON_VALUE(r.[value], '$.code') END AS Code,
                                CASE WHEN r.[type] = 1 THEN CAST(r.[value] AS nvarchar(400)) END AS Legacy) k
            WHERE a.is_open = 1 AND r.[type] IN (1, 5)
            GROUP BY k.Code, k.Legacy;
            """,
        SlaSql = """
            SELECT COUNT(*) AS [Open],
                   COALESCE(SUM(CASE WHEN (first_responded_at IS NULL AND first_response_due_at < @now) OR resolve_due_at < @now THEN 1 ELSE 0 END), 0) AS Breached,
                   COALESCE(SUM(CASE WHEN (first_responded_at IS NULL AND first_response_due_at < @now) OR resolve_due_at < @now THEN 0
                            WHEN first_responded_at IS NULL AND first_response_due_at < @soon THEN 1 ELSE 0 END), 0) AS DueSoon,
                   COALESCE(SUM(CASE WHEN first_response_due_at IS NULL AND resolve_due_at IS NULL THEN 1 ELSE 0 END), 0) AS NoDeadline
            FROM dbo.alerts
            WHERE is_open = 1;
            """,
        HistorySql = """
            SELECT TOP (@limit) m.id AS MentionId, m.[text] AS Text, m.created_at AS CreatedAt, a.state AS AlertState, a.dismiss_reason AS DismissReason
            FROM dbo.mentions m LEFT JOIN dbo.alerts a ON a.mention_id = m.id
            WHERE m.author_id = @authorId AND m.source = @source AND m.brand = @brand AND m.id <> @excludeMentionId AND m.redacted = 0
            ORDER BY m.created_at DESC;
            """,
        FacetsSql = """
            SELECT DISTINCT a.brand FROM dbo.alerts a WHERE a.is_open = 1 ORDER BY a.brand;
            SELECT DISTINCT source FROM dbo.mentions ORDER BY source;
            """,
    };

    /// <summary>
    /// A page of a queue view (see <c>StandardQueueViewSql.Page</c>, which SQLite and PostgreSQL share): alerts picked and
    /// limited first, then joined to their mentions. Text search uses LIKE, which ignores case under the default
    /// collation of the text columns.
    /// </summary>
    private static string Page(IReadOnlyList<QueueKey> keys, bool closed, bool backward) => $"""
        SELECT {QueueColumns}, a.escalation_score AS SortScore
        FROM (
            SELECT TOP (@Limit) o.* FROM dbo.alerts o
            WHERE {(closed ? "o.is_open = 0 AND o.state = @Closed" : OpenView)}
              AND (@AllTeams = 1 OR o.team IN (SELECT [value] FROM OPENJSON(@TeamsJson)))
              AND (@Brand IS NULL OR o.brand = @Brand)
              AND (@State IS NULL OR o.state = @State)
              AND ((@Source IS NULL AND @Level IS NULL) OR EXISTS (
                  SELECT 1 FROM dbo.mentions f
                  WHERE f.id = o.mention_id AND (@Source IS NULL OR f.source = @Source) AND (@Level IS NULL OR f.escalation_level = @Level)))
              AND (@Pattern IS NULL OR o.title LIKE @Pattern ESCAPE '\'
                  OR EXISTS (SELECT 1 FROM dbo.mentions t WHERE t.id = o.mention_id
                      AND (t.[text] LIKE @Pattern ESCAPE '\' OR t.author_handle LIKE @Pattern ESCAPE '\' OR t.author_display_name LIKE @Pattern ESCAPE '\'))
                  OR EXISTS (SELECT 1 FROM dbo.alert_audit n WHERE n.alert_id = o.id AND n.note LIKE @Pattern ESCAPE '\'))
              AND (@Paged = 0 OR {QueueKeyset.Beyond(keys, "o", backward)})
            ORDER BY {QueueKeyset.OrderBy(keys, "o", backward)}
        ) a LEFT JOIN dbo.mentions m ON m.id = a.mention_id
        ORDER BY {QueueKeyset.OrderBy(keys, "a", backward: false)}
        OPTION (RECOMPILE);
        """;
}
