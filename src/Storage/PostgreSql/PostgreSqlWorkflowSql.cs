using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

// PostgreSQL finds an author's mentions through its index on mentions (author_id, source). The rest of the workflow
// statements are written once in Standard/.

internal static class PostgreSqlWorkflowQuerySql
{
    private const string FindRecentlyResolvedSql = """
        SELECT a.id FROM mentions m JOIN alerts a ON a.mention_id = m.id
        WHERE m.author_id = @authorId AND m.source = @source AND a.brand = @brand AND a.kind = 'Mention'
            AND a.state = 'Resolved' AND a.resolved_at >= @Since
        ORDER BY a.resolved_at DESC LIMIT 1
        """;

    private const string ResolvedByAuthorsSql = """
        SELECT a.brand AS Brand, m.source AS Source, m.author_id AS AuthorId, a.id AS Id, a.resolved_at AS ResolvedAt
        FROM mentions m JOIN alerts a ON a.mention_id = m.id
        WHERE m.author_id = ANY(@authorIds) AND a.kind = 'Mention' AND a.state = 'Resolved' AND a.resolved_at >= @Since
        """;

    public static readonly WorkflowQuerySql Statements = StandardWorkflowQuerySql.Statements(PostgreSqlSyntax.Words, FindRecentlyResolvedSql, ResolvedByAuthorsSql);
}

internal static class PostgreSqlRetentionSql
{
    public static readonly RetentionSql Statements = StandardRetentionSql.Statements(
        PostgreSqlSyntax.Words, selectByAuthorSql: "SELECT id FROM mentions WHERE author_id = @authorId AND source = @source");

    public static readonly MentionTraceSql Traces = StandardRetentionSql.Traces(PostgreSqlSyntax.Words);
}
