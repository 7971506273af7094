using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlWatchListSql
{
    private static readonly string IsOpen = PostgreSqlSyntax.Words.IsTrue("a.is_open");

    // SKIP LOCKED: a host claiming at the same moment passes over the rows another host is claiming instead of waiting
    // for them and claiming them too once that host commits.
    private static readonly string ClaimSql = $"""
        UPDATE watch_entries w SET claimed_until = @claimUntil
        FROM (
            SELECT mention_id FROM watch_entries
            WHERE source = @source AND (@brand::text IS NULL OR brand = @brand::text) AND next_due_at <= @dueBy
                AND (watch_until > @now OR {WatchListStatements.AlertOpen("watch_entries", IsOpen)})
                AND (claimed_until IS NULL OR claimed_until <= @now)
            ORDER BY next_due_at LIMIT @limit
            FOR UPDATE SKIP LOCKED) AS due
        WHERE w.mention_id = due.mention_id
        RETURNING w.mention_id
        """;

    private const string AuthorHistorySql = """
        SELECT COALESCE(SUM(CASE WHEN m.created_at >= @since7 THEN 1 ELSE 0 END), 0) AS Week, COUNT(*) AS Month,
            COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM alerts a WHERE a.mention_id = m.id AND a.state = 'Resolved') THEN 1 ELSE 0 END), 0) AS Resolved
        FROM mentions m
        WHERE m.author_id = @authorId AND m.source = @source AND m.created_at >= @since30 AND m.created_at <= @now
            AND m.brand = @brand AND m.id <> @mentionId AND m.complaint >= @minComplaint
        """;

    public static readonly WatchListSql Statements = StandardWatchListSql.Statements(PostgreSqlSyntax.Words, ClaimSql, AuthorHistorySql);
}
