using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

// SQLite finds an author's mentions through the levelled author index (migration 0008): mentions has no index by
// author of its own. The rest of the workflow statements are written once in Standard/.

internal static class SqliteWorkflowQuerySql
{
    internal static readonly string FindRecentlyResolvedSql = $"""
        SELECT a.id FROM ({SqliteAuthorIndex.MentionIds("@authorId", "@source")}) AS k
        CROSS JOIN alerts a ON a.mention_id = k.mention_id
        WHERE a.brand = @brand AND a.kind = 'Mention'
            AND a.state = 'Resolved' AND a.resolved_at >= @Since
        ORDER BY a.resolved_at DESC LIMIT 1
        """;

    internal static readonly string ResolvedByAuthorsSql = $"""
        SELECT a.brand AS Brand, m.source AS Source, m.author_id AS AuthorId, a.id AS Id, a.resolved_at AS ResolvedAt
        FROM ({SqliteAuthorIndex.UnionOfLevels(table => $"SELECT mention_id FROM {table} WHERE author_id IN (SELECT value FROM json_each(@authorIdsJson))")}) AS k
        CROSS JOIN alerts a ON a.mention_id = k.mention_id
        JOIN mentions m ON m.id = a.mention_id
        WHERE a.kind = 'Mention' AND a.state = 'Resolved' AND a.resolved_at >= @Since
        """;

    public static readonly WorkflowQuerySql Statements = StandardWorkflowQuerySql.Statements(SqliteSyntax.Words, FindRecentlyResolvedSql, ResolvedByAuthorsSql);
}

internal static class SqliteRetentionSql
{
    internal static readonly string SelectByAuthorSql = $"SELECT id FROM mentions WHERE id IN ({SqliteAuthorIndex.MentionIds("@authorId", "@source")})";

    public static readonly RetentionSql Statements = StandardRetentionSql.Statements(SqliteSyntax.Words, SelectByAuthorSql);

    public static readonly MentionTraceSql Traces = StandardRetentionSql.Traces(SqliteSyntax.Words);
}
