using Microsoft.Data.Sqlite;

namespace SocialWatch.Storage.Sqlite;

/// <summary>
/// The mentions-by-author index of the SQLite store, kept in three levels (migration 0008): new keys go into a small
/// level 0 by trigger; when a level fills, it is merged into the next one in key order, inside the transaction that
/// filled it. A random author id then dirties one of a few level-0 leaves instead of its own leaf of a large index,
/// and the merges write many keys per leaf.
/// </summary>
internal static class SqliteAuthorIndex
{
    /// <summary>Keys level 0 holds before it is merged: a few dozen leaves, so a page of 100 mentions dirties few.</summary>
    public const int Level0Capacity = 2_048;

    /// <summary>Keys level 1 holds before it is merged into level 2: each merge then writes many keys per leaf of level 2.</summary>
    public const int Level1Capacity = 32_768;

    private const string Columns = "author_id, source, created_at, mention_id";

    private static readonly string[] LevelTables = ["mention_authors_0", "mention_authors_1", "mention_authors_2"];

    private const string CountLevel0Sql = "SELECT COUNT(*) FROM mention_authors_0";
    private const string CountLevel1Sql = "SELECT COUNT(*) FROM mention_authors_1";

    // Read in primary-key order, so the inserts walk the target's leaves once, front to back. OR IGNORE: a key is in
    // one level only, but a merge must never fail the page that triggered it.
    private const string MergeLevel0Sql = $"""
        INSERT OR IGNORE INTO mention_authors_1 ({Columns}) SELECT {Columns} FROM mention_authors_0 ORDER BY {Columns};
        DELETE FROM mention_authors_0;
        """;

    private const string MergeLevel1Sql = $"""
        INSERT OR IGNORE INTO mention_authors_2 ({Columns}) SELECT {Columns} FROM mention_authors_1 ORDER BY {Columns};
        DELETE FROM mention_authors_1;
        """;

    /// <summary>
    /// SQL for the ids of the mentions by an author (optionally on one source), one column <c>mention_id</c>. Queries
    /// put it first, as <c>FROM (...) AS k CROSS JOIN mentions m ON m.id = k.mention_id</c>: as <c>m.id IN (...)</c>
    /// next to a brand filter, the planner (which has no statistics) walks the brand index and tests every row instead.
    /// </summary>
    /// <param name="authorParameter">Parameter holding the author id, e.g. <c>@authorId</c>.</param>
    /// <param name="sourceParameter">Parameter holding the source, or null for every source.</param>
    public static string MentionIds(string authorParameter, string? sourceParameter)
    {
        var where = sourceParameter is null
            ? $"author_id = {authorParameter}"
            : $"author_id = {authorParameter} AND source = {sourceParameter}";
        return UnionOfLevels(table => $"SELECT mention_id FROM {table} WHERE {where}");
    }

    /// <summary>One statement per level (given the level's table name), joined by UNION ALL.</summary>
    public static string UnionOfLevels(Func<string, string> select) => string.Join("\nUNION ALL ", LevelTables.Select(select));

    /// <summary>Merges full levels down; runs in the caller's write transaction, after its inserts.</summary>
    public static void MergeFullLevels(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (Count(connection, transaction, CountLevel0Sql) < Level0Capacity)
        {
            return;
        }

        Execute(connection, transaction, MergeLevel0Sql);
        if (Count(connection, transaction, CountLevel1Sql) >= Level1Capacity)
        {
            Execute(connection, transaction, MergeLevel1Sql);
        }
    }

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
