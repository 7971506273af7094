using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The queue views' statements SQLite and PostgreSQL share, over their <see cref="StandardSyntax"/>. A page picks and
/// limits alerts first and then joins their mentions, as the open queue does: a mention is read only for the rows shown
/// (and probed by primary key for the source, level and search filters). Unset filters are NULL and drop out; the view
/// travels as a number (@View: 1 mine, 2 unassigned, 3 my team, 4 breached, 5 due soon, anything else all open), the
/// team lists as <c>@Teams</c>/<c>@TeamsJson</c> with <c>@AllTeams = 1</c> for every team. <c>@Paged = 0</c> reads from
/// the top; otherwise the page starts beyond the row whose keys are @K1… (see <see cref="QueueKeyset"/>).
/// </summary>
internal static class StandardQueueViewSql
{
    public static string Page(StandardSyntax s, string columns, IReadOnlyList<QueueKey> keys, bool closed, bool backward) => $"""
        SELECT {columns}, a.escalation_score AS SortScore
        FROM (
            SELECT * FROM alerts o
            WHERE {(closed ? $"{s.IsFalse("o.is_open")} AND o.state = @Closed" : $"{s.IsTrue("o.is_open")} AND {OpenView(s)}")}
              AND (@AllTeams = 1 OR o.team {s.InJsonList("Teams")})
              AND (CAST(@Brand AS TEXT) IS NULL OR o.brand = @Brand)
              AND (CAST(@State AS TEXT) IS NULL OR o.state = @State)
              AND ((CAST(@Source AS TEXT) IS NULL AND CAST(@Level AS TEXT) IS NULL) OR EXISTS (
                  SELECT 1 FROM mentions f
                  WHERE f.id = o.mention_id AND (CAST(@Source AS TEXT) IS NULL OR f.source = @Source) AND (CAST(@Level AS TEXT) IS NULL OR f.escalation_level = @Level)))
              AND (CAST(@Pattern AS TEXT) IS NULL OR {s.Contains("o.title", "@Pattern")}
                  OR EXISTS (SELECT 1 FROM mentions t WHERE t.id = o.mention_id
                      AND ({s.Contains("t.text", "@Pattern")} OR {s.Contains("t.author_handle", "@Pattern")} OR {s.Contains("t.author_display_name", "@Pattern")}))
                  OR EXISTS (SELECT 1 FROM alert_audit n WHERE n.alert_id = o.id AND {s.Contains("n.note", "@Pattern")}))
              AND (@Paged = 0 OR {QueueKeyset.Beyond(keys, "o", backward)})
            ORDER BY {QueueKeyset.OrderBy(keys, "o", backward)}
            LIMIT @Limit
        ) a LEFT JOIN mentions m ON m.id = a.mention_id
        ORDER BY {QueueKeyset.OrderBy(keys, "a", backward: false)}
        """;

    /// <summary>Open alerts of the teams in scope, counted per open view in one pass.</summary>
    public static string Counts(StandardSyntax s) => $"""
        SELECT COUNT(*) AS AllOpen,
               COALESCE(SUM(CASE WHEN lower(o.assigned_to) = lower(@Me) THEN 1 ELSE 0 END), 0) AS Mine,
               COALESCE(SUM(CASE WHEN o.assigned_to IS NULL THEN 1 ELSE 0 END), 0) AS Unassigned,
               COALESCE(SUM(CASE WHEN o.team {s.InJsonList("MemberTeams")} THEN 1 ELSE 0 END), 0) AS MyTeam,
               COALESCE(SUM(CASE WHEN {Breached} THEN 1 ELSE 0 END), 0) AS Breached,
               COALESCE(SUM(CASE WHEN {DueSoon} THEN 1 ELSE 0 END), 0) AS DueSoon
        FROM alerts o
        WHERE {s.IsTrue("o.is_open")} AND (@AllTeams = 1 OR o.team {s.InJsonList("Teams")})
        """;

    /// <summary>The first response is late, or the resolution is (as the dashboard's SLA summary counts it).</summary>
    public const string Breached = "((o.first_responded_at IS NULL AND o.first_response_due_at < @Now) OR o.resolve_due_at < @Now)";

    /// <summary>Not breached, and the first response is due before @Soon.</summary>
    public const string DueSoon = """
        (o.first_responded_at IS NULL AND o.first_response_due_at >= @Now AND o.first_response_due_at < @Soon
         AND (o.resolve_due_at IS NULL OR o.resolve_due_at >= @Now))
        """;

    private static string OpenView(StandardSyntax s) => $"""
        (@View <> 1 OR lower(o.assigned_to) = lower(@Me))
              AND (@View <> 2 OR o.assigned_to IS NULL)
              AND (@View <> 3 OR o.team {s.InJsonList("MemberTeams")})
              AND (@View <> 4 OR {Breached})
              AND (@View <> 5 OR {DueSoon})
        """;
}
