using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Storage.PostgreSql;
using SocialWatch.Storage.Sqlite;
using SocialWatch.Storage.Stores;
using SocialWatch.TestSupport;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Mentions per second through <see cref="IMentionStore.StoreBatchAsync"/> (insert + cursor move in one transaction)
/// on SQLite (a file in the temp directory) and on PostgreSQL (the test server: local, fsync off, so an upper bound).
/// Options: --count N (mentions per run, default 100000), --batch N (one page size instead of 100 and 1000),
/// --skip-postgres, --without-author-index (SQLite only).
/// </summary>
internal sealed class StorageBenchmark : IBenchmark
{
    private static readonly int[] DefaultBatchSizes = [100, 1000];

    // Author ids are random, so this index dirties a different page for almost every row of a page; the option
    // shows what author history costs on SQLite (an experiment, not a supported schema).
    private const string DropAuthorIndexSql = "DROP INDEX ix_mentions_author";

    public string Name => "storage";

    public string Description => "StoreBatchAsync mentions/s on SQLite and PostgreSQL, batches of 100 and 1000";

    public async Task<int> RunAsync(string[] args)
    {
        var count = OptionValue(args, "--count") ?? 100_000;
        var skipPostgres = args.Contains("--skip-postgres");
        var withoutAuthorIndex = args.Contains("--without-author-index");
        int[] batchSizes = OptionValue(args, "--batch") is { } batch ? [batch] : DefaultBatchSizes;
        var mentions = Generate(count);
        Console.WriteLine($"storage: {count:N0} scored mentions per run, {Environment.ProcessorCount} CPU(s)");

        // Unreported warm-up: the first run would otherwise also pay for JIT tiering of the whole path.
        await RunSqliteAsync(100, mentions.Take(Math.Min(count, 20_000)).ToList(), withoutAuthorIndex, report: false);
        foreach (var batchSize in batchSizes)
        {
            await RunSqliteAsync(batchSize, mentions, withoutAuthorIndex, report: true);
        }

        if (skipPostgres)
        {
            return 0;
        }

        PostgresServer server;
        try
        {
            server = await PostgresServer.StartSharedAsync();
        }
        catch (PostgresUnavailableException e)
        {
            Console.WriteLine($"postgresql: skipped ({e.Message})");
            return 0;
        }

        try
        {
            foreach (var batchSize in batchSizes)
            {
                var database = $"sw_bench_{batchSize}";
                var connectionString = await server.CreateDatabaseAsync(database);
                await using (var connections = new PostgreSqlConnectionFactory(connectionString))
                {
                    await new SqlStorageMaintenance(new PostgreSqlDialect(connections), PostgreSqlStorageMaintenanceSql.Statements, PostgreSqlStorageMaintenanceSql.Migrations(connections), NullLogger<SqlStorageMaintenance>.Instance)
                        .MigrateAsync(CancellationToken.None);
                    await MeasureAsync("postgresql", batchSize, MentionStore(new PostgreSqlDialect(connections)), mentions);
                }

                await server.DropDatabaseAsync(database);
            }
        }
        finally
        {
            await PostgresServer.StopSharedAsync();
        }

        return 0;
    }

    private static async Task RunSqliteAsync(int batchSize, IReadOnlyList<ScoredMention> mentions, bool withoutAuthorIndex, bool report)
    {
        var file = Path.Combine(Path.GetTempPath(), $"socialwatch-bench-{Guid.NewGuid():N}.db");
        try
        {
            var connections = new SqliteConnectionFactory($"Data Source={file}");
            await new SqlStorageMaintenance(new SqliteDialect(connections), SqliteStorageMaintenanceSql.Statements, SqliteStorageMaintenanceSql.Migrations(connections), NullLogger<SqlStorageMaintenance>.Instance)
                .MigrateAsync(CancellationToken.None);
            if (withoutAuthorIndex)
            {
                await using var connection = await connections.OpenAsync(CancellationToken.None);
                using var drop = connection.CreateCommand();
                drop.CommandText = DropAuthorIndexSql;
                await drop.ExecuteNonQueryAsync();
            }

            await MeasureAsync("sqlite", batchSize, MentionStore(new SqliteDialect(connections)), mentions, report);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static SqlMentionStore MentionStore(PostgreSqlDialect dialect) =>
        new(dialect, PostgreSqlMentionSql.Statements, PostgreSqlRetentionSql.Traces, new PostgreSqlMentionPageInsert(dialect), TimeProvider.System);

    private static SqlMentionStore MentionStore(SqliteDialect dialect) =>
        new(dialect, SqliteMentionSql.Statements, SqliteRetentionSql.Traces, new SqliteMentionPageInsert(dialect), TimeProvider.System);

    private static async Task MeasureAsync(string dialect, int batchSize, IMentionStore store, IReadOnlyList<ScoredMention> mentions, bool report = true)
    {
        var batches = mentions.Chunk(batchSize).ToList();

        // The first page pays for JIT and the first connection; it is stored but not timed.
        string? cursor = null;
        await store.StoreBatchAsync(new IngestBatch("bench:q", batches[0], "c0", cursor), CancellationToken.None);
        cursor = "c0";

        var inserted = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 1; i < batches.Count; i++)
        {
            var next = "c" + i.ToString(CultureInfo.InvariantCulture);
            inserted += (await store.StoreBatchAsync(new IngestBatch("bench:q", batches[i], next, cursor), CancellationToken.None)).Inserted.Count;
            cursor = next;
        }

        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var newRate = inserted / stopwatch.Elapsed.TotalSeconds;

        // The same pages again: what a retried poll costs when every mention is already stored.
        var again = Stopwatch.StartNew();
        for (var i = 1; i < batches.Count; i++)
        {
            var next = "r" + i.ToString(CultureInfo.InvariantCulture);
            await store.StoreBatchAsync(new IngestBatch("bench:q", batches[i], next, cursor), CancellationToken.None);
            cursor = next;
        }

        again.Stop();
        var duplicateRate = (mentions.Count - batches[0].Length) / again.Elapsed.TotalSeconds;

        // Empty pages: the fixed cost of one commit (connection, transaction, cursor move).
        const int emptyPages = 2000;
        var empty = Stopwatch.StartNew();
        for (var i = 0; i < emptyPages; i++)
        {
            var next = "e" + i.ToString(CultureInfo.InvariantCulture);
            await store.StoreBatchAsync(new IngestBatch("bench:q", [], next, cursor), CancellationToken.None);
            cursor = next;
        }

        empty.Stop();
        if (!report)
        {
            return;
        }

        Console.WriteLine(
            $"{dialect,-11} batch {batchSize,5}: {newRate,10:N0} new mentions/s ({inserted:N0} in {stopwatch.Elapsed.TotalSeconds:F2} s, "
            + $"{inserted / cpu.TotalSeconds:N0}/s per CPU-second of this process); "
            + $"{duplicateRate,10:N0} duplicate mentions/s; {emptyPages / empty.Elapsed.TotalSeconds:N0} empty pages/s");
    }

    private static List<ScoredMention> Generate(int count)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        string[] phrases =
        [
            "my order never arrived and support keeps closing my ticket",
            "third time this week the app crashed during checkout @acme",
            "honestly great service today, thanks to the lady at the desk",
            "if this isn't fixed by friday I'm talking to my lawyer",
            "flight delayed 6 hours and no one tells us anything #acmefail",
        ];
        var list = new List<ScoredMention>(count);
        for (var i = 0; i < count; i++)
        {
            var author = random.Next(50_000).ToString(CultureInfo.InvariantCulture);
            var mention = new Mention
            {
                Source = "x",
                ExternalId = (1_800_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture),
                Brand = i % 5 == 0 ? "globex" : "acme",
                Text = phrases[random.Next(phrases.Length)] + " " + i.ToString(CultureInfo.InvariantCulture),
                Author = new MentionAuthor(author, "user" + author, "User " + author, random.Next(1_000_000), random.Next(100) == 0),
                Metrics = new EngagementMetrics(random.Next(500), random.Next(100), random.Next(50), random.Next(20)),
                Url = "https://x.com/user" + author + "/status/" + i.ToString(CultureInfo.InvariantCulture),
                Language = "en",
                ConversationId = (1_800_000_000_000_000_000L + i - random.Next(10)).ToString(CultureInfo.InvariantCulture),
                CreatedAt = start.AddMilliseconds(i * 37L),
                IngestedAt = start.AddMilliseconds(i * 37L + 5_000),
            };
            var negative = (float)random.NextDouble();
            var score = new MentionScore(
                new SentimentScore(negative > 0.5f ? SentimentLabel.Negative : SentimentLabel.Neutral, negative, (1 - negative) / 2, (1 - negative) / 2),
                (float)random.NextDouble(),
                new EscalationScore((float)random.NextDouble(), EscalationLevel.Medium, [new Reason(ReasonCodes.Complaint, "complaint", 0.9f), new Reason(ReasonCodes.AuthorReach, "author reach 12k", 0.4f)]),
                "bench-1");
            list.Add(new ScoredMention(mention, score));
        }

        return list;
    }

    private static int? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
