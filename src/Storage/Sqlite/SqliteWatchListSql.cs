using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteWatchListSql
{
    private static readonly string IsOpen = SqliteSyntax.Words.IsTrue("a.is_open");

    // SQLite has one writer at a time, so the claim's read and update cannot interleave with another host's.
    private static readonly string ClaimSql = $"""
        UPDATE watch_entries SET claimed_until = @claimUntil
        WHERE mention_id IN (
            SELECT mention_id FROM watch_entries
            WHERE source = @source AND (@brand IS NULL OR brand = @brand) AND next_due_at <= @dueBy
                AND (watch_until > @now OR {WatchListStatements.AlertOpen("watch_entries", IsOpen)})
                AND (claimed_until IS NULL OR claimed_until <= @now)
            ORDER BY next_due_at LIMIT @limit)
        RETURNING mention_id
        """;

    // Through the levelled author index (migration 0008): mentions has no index by author of its own.
    private static readonly string AuthorHistorySql = $"""
        SELECT COALESCE(SUM(CASE WHEN m.created_at >= @since7 THEN 1 ELSE 0 END), 0) AS Week, COUNT(*) AS Month,
            COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM alerts a WHERE a.mention_id = m.id AND a.state = 'Resolved') THEN 1 ELSE 0 END), 0) AS Resolved
        FROM ({SqliteAuthorIndex.MentionIds("@authorId", "@source")}) AS k CROSS JOIN mentions m ON m.id = k.mention_id
        WHERE m.brand = @brand AND m.created_at >= @since30 AND m.created_at <= @now AND m.id <> @mentionId AND m.complaint >= @minComplaint
        """;

    public static readonly WatchListSql Statements = StandardWatchListSql.Statements(SqliteSyntax.Words, ClaimSql, AuthorHistorySql);
}
