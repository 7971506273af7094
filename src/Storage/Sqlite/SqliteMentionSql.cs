using System.Text;
using SocialWatch.Core.Mentions;
using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteMentionSql
{
    public static readonly MentionSql Statements = StandardMentionSql.Statements(SqliteSyntax.Words, MentionsQuerySql(new MentionQuery())) with
    {
        ComposeGetMentions = MentionsQuerySql,
    };

    /// <summary>The statement the mention store runs for a query (internal for the query-plan tests).</summary>
    internal static string MentionsQuerySql(MentionQuery query)
    {
        // SQLite does not fold "@p IS NULL OR column = @p" at bind time, so only the filters in use go into the
        // statement and the planner can pick the brand or id index.
        var sql = new StringBuilder($"SELECT {MentionRowColumns.Select} FROM ");
        if (query.AuthorId is null)
        {
            sql.Append("mentions");
        }
        else
        {
            // The author's mention ids drive the query (a CROSS JOIN keeps its left side outermost): without
            // statistics the planner would rather walk the brand index and test every row against the id list.
            sql.Append('(').Append(SqliteAuthorIndex.MentionIds("@AuthorId", null)).Append(") AS k CROSS JOIN mentions ON mentions.id = k.mention_id");
        }

        var conditions = new List<string>();
        if (query.Brand is not null)
        {
            conditions.Add("brand = @Brand");
        }

        if (query.Source is not null)
        {
            conditions.Add("source = @Source");
        }

        if (query.Since is not null)
        {
            conditions.Add("created_at >= @Since");
        }

        if (query.Until is not null)
        {
            conditions.Add("created_at < @Until");
        }

        if (query.BeforeId is not null)
        {
            conditions.Add("id < @BeforeId");
        }

        if (query.Teams.Count > 0)
        {
            conditions.Add("id IN (SELECT a.mention_id FROM alerts a WHERE a.mention_id IS NOT NULL AND lower(a.team) IN (SELECT value FROM json_each(@LowerTeamsJson)))");
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        return sql.Append(" ORDER BY id DESC LIMIT @Limit").ToString();
    }
}
