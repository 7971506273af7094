using Dapper;
using DbUp;
using Microsoft.Data.Sqlite;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;
using SocialWatch.Storage.Sqlite;
using SocialWatch.Storage.Stores;
using static SocialWatch.Alerts.Tests.Storage.TestMentions;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>
/// The SQLite store's mentions-by-author index in three levels (migration 0008): every stored mention's key is in exactly
/// one level at every commit, lookups see all three, and deletes and redactions leave no author id behind.
/// </summary>
[TestClass]
public sealed class SqliteAuthorIndexTests : StoreContract
{
    private const string Author = "a-1";

    // Enough pages for level 1 to fill once and start again: the first page's key ends in level 2, a page after that
    // merge in level 1, and the last page's in level 0.
    private const int PageSize = 100;
    private static readonly int Pages = (SqliteAuthorIndex.Level1Capacity + (3 * SqliteAuthorIndex.Level0Capacity)) / PageSize;

    private IMentionStore Store => Get<IMentionStore>();

    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();

    [TestMethod]
    public async Task StoredMentions_HaveOneKeyEach_InExactlyOneLevel_AndAuthorLookupsSeeEveryLevel()
    {
        var ours = await FillAsync();

        await using var connection = new SqliteConnection(Database.ConnectionString);
        var level0 = await CountAsync(connection, "mention_authors_0");
        var level1 = await CountAsync(connection, "mention_authors_1");
        var level2 = await CountAsync(connection, "mention_authors_2");
        Assert.AreEqual((long)Pages * PageSize, level0 + level1 + level2, "one key per stored mention");
        Assert.AreEqual(level0 + level1 + level2, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM (SELECT mention_id FROM mention_authors_0 UNION SELECT mention_id FROM mention_authors_1
                UNION SELECT mention_id FROM mention_authors_2)
            """), "no key in two levels");
        Assert.IsLessThan(SqliteAuthorIndex.Level0Capacity, level0);
        Assert.IsLessThan(SqliteAuthorIndex.Level1Capacity, level1);
        foreach (var (table, mention) in new[] { ("mention_authors_2", ours[0]), ("mention_authors_1", ours[1]), ("mention_authors_0", ours[2]) })
        {
            Assert.AreEqual(
                1L,
                await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE author_id = @Author AND mention_id = @mention", new { Author, mention }),
                $"mention {mention} in {table}");
        }

        var found = await Store.GetMentionsAsync(new MentionQuery { AuthorId = Author }, None);
        CollectionAssert.AreEquivalent(ours, found.Select(m => m.Id).ToArray());
        Assert.IsEmpty(await Store.GetMentionsAsync(new MentionQuery { AuthorId = Author, Source = "reddit" }, None));
    }

    [TestMethod]
    public async Task RedactingOrDeletingMentions_RemovesTheirKeys_FromWhicheverLevelHoldsThem()
    {
        var ours = await FillAsync();
        var inLevel2 = await Store.GetMentionAsync(ours[0], None);
        var inLevel0 = await Store.GetMentionAsync(ours[2], None);

        Assert.AreEqual(2, await Store.RedactAsync("x", [inLevel2!.Mention.ExternalId, inLevel0!.Mention.ExternalId], None));
        await using var connection = new SqliteConnection(Database.ConnectionString);
        await connection.ExecuteAsync("DELETE FROM mentions WHERE id = @id", new { id = ours[1] });

        foreach (var table in new[] { "mention_authors_0", "mention_authors_1", "mention_authors_2" })
        {
            Assert.AreEqual(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE author_id = @Author", new { Author }), table);
            Assert.AreEqual(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE author_id = ''"), table);
        }

        Assert.IsEmpty(await Store.GetMentionsAsync(new MentionQuery { AuthorId = Author }, None));
        Assert.AreEqual((long)Pages * PageSize - 3, await CountKeysAsync(connection), "the other mentions keep their keys");
    }

    [TestMethod]
    public async Task Migration0008_MovesTheKeysOfMentionsStoredBefore_IntoTheLastLevel()
    {
        await using var database = await TestDatabases.SqliteAsync(migrate: false);
        var upgrade = DeployChanges.To.SqliteDatabase(database.ConnectionString)
            .WithScripts(MigrationRunner.LoadScripts(StorageProvider.Sqlite).Where(s => string.CompareOrdinal(s.Name, "0008") < 0))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.IsTrue(upgrade.Successful, upgrade.Error?.Message);
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO mentions (id, source, external_id, brand, text, author_id, author_handle, created_at, ingested_at)
                VALUES (1, 'x', '1', 'acme', 'late again', 'a-1', 'h', 1000, 2000),
                       (2, 'x', '2', 'acme', 'still waiting', 'a-1', 'h', 3000, 4000),
                       (3, 'x', '3', 'acme', '', '', '', 5000, 6000)
                """);
        }

        await StorageServices.MigrateAsync(StorageProvider.Sqlite, database.ConnectionString);

        await using var check = new SqliteConnection(database.ConnectionString);
        CollectionAssert.AreEqual(
            new long[] { 1, 2 },
            (await check.QueryAsync<long>("SELECT mention_id FROM mention_authors_2 WHERE author_id = 'a-1' ORDER BY mention_id")).ToArray());
        Assert.AreEqual(2L, await CountKeysAsync(check), "the redacted mention has no key");
        Assert.AreEqual(0L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_mentions_author'"));
    }

    [TestMethod]
    public async Task AuthorHistory_IsTheNewestAcrossTheLevels_UpToTheLimit()
    {
        var ours = await FillAsync();
        var insights = new SqlInsightsStore(new SqliteDialect(Get<SqliteConnectionFactory>()), SqliteInsightsSql.Statements);

        var newestTwo = await insights.GetAuthorHistoryAsync("x", Author, "acme", excludeMentionId: 0, limit: 2, None);
        var withoutTheNewest = await insights.GetAuthorHistoryAsync("x", Author, "acme", excludeMentionId: ours[2], limit: 5, None);
        var otherBrand = await insights.GetAuthorHistoryAsync("x", Author, "globex", excludeMentionId: 0, limit: 5, None);

        CollectionAssert.AreEqual(new[] { ours[2], ours[1] }, newestTwo.Select(h => h.MentionId).ToArray(), "levels 0 and 1 hold the newest");
        CollectionAssert.AreEqual(new[] { ours[1], ours[0] }, withoutTheNewest.Select(h => h.MentionId).ToArray());
        Assert.IsEmpty(otherBrand);
    }

    public static IEnumerable<object[]> AuthorQueries() =>
    [
        ["mentions by author", SqliteMentionSql.MentionsQuerySql(new MentionQuery { AuthorId = "a", Brand = "acme", Since = T0 })],
        ["author history", SqliteInsightsSql.Statements.HistorySql],
        ["follow-up to a resolved alert", SqliteWorkflowQuerySql.FindRecentlyResolvedSql],
        ["erasure by author", SqliteRetentionSql.SelectByAuthorSql],
    ];

    [TestMethod]
    [DynamicData(nameof(AuthorQueries))]
    public async Task AuthorQueries_StartFromTheAuthorsKeys_NotFromABrandIndex(string name, string sql)
    {
        await using var connection = new SqliteConnection(Database.ConnectionString);
        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, new
        {
            AuthorId = "a", authorId = "a", source = "x", Brand = "acme", brand = "acme", Since = 0L, excludeMentionId = 0L, limit = 10, Limit = 10,
        })).Select(row => row.Detail).ToList();

        var text = string.Join(" | ", plan);
        Assert.IsTrue(plan.Any(line => line.Contains("USING PRIMARY KEY (author_id=?", StringComparison.Ordinal)), $"{name}: {text}");
        Assert.IsFalse(plan.Any(line => line.Contains("brand", StringComparison.Ordinal)), $"{name}: {text}");
        Assert.IsFalse(
            plan.Any(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.StartsWith("SCAN k", StringComparison.Ordinal) && !line.StartsWith("SCAN (subquery", StringComparison.Ordinal)),
            $"{name}: {text}");
    }

    /// <summary>Stores <see cref="Pages"/> pages; returns the ids of <see cref="Author"/>'s mentions (first page, after the level-1 merge, last page).</summary>
    private async Task<long[]> FillAsync()
    {
        var ours = new List<long>();
        var afterLevel1Merge = (SqliteAuthorIndex.Level1Capacity / PageSize) + (SqliteAuthorIndex.Level0Capacity / PageSize) + 2;
        string? cursor = null;
        for (var page = 0; page < Pages; page++)
        {
            var mentions = new ScoredMention[PageSize];
            for (var i = 0; i < PageSize; i++)
            {
                var n = (page * PageSize) + i;
                var ourPost = i == 0 && (page == 0 || page == afterLevel1Merge || page == Pages - 1);
                mentions[i] = Scored(
                    n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    authorId: ourPost ? Author : "u-" + ((n * 7919) % 5000),
                    createdAt: T0.AddMinutes(page));
            }

            var next = "c" + page;
            var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", mentions, next, cursor), None);
            cursor = next;
            ours.AddRange(result.Inserted.Where(m => m.Mention.Author.Id == Author).Select(m => m.Id));
        }

        Assert.HasCount(3, ours);
        return [.. ours];
    }

    private static Task<long> CountAsync(SqliteConnection connection, string table) =>
        connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");

    private static async Task<long> CountKeysAsync(SqliteConnection connection) =>
        await CountAsync(connection, "mention_authors_0") + await CountAsync(connection, "mention_authors_1") + await CountAsync(connection, "mention_authors_2");
}
