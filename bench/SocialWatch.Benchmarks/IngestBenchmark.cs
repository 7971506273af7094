using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Sources.X;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Storage;
using SocialWatch.TestSupport;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Mentions per second from raw X-shaped API pages to stored rows: the real X source parses and maps each page (served
/// from memory by an in-process HTTP handler, behind the real resilience pipeline), then the ingest job runs the real
/// pipeline (normalise, dedupe, score, store with the cursor in one transaction) on SQLite and PostgreSQL.
/// Scoring uses the shipped models (<c>models/current</c>, or <c>--model DIR</c>) through the real batch scorer.
/// Options: --pages N (100 posts each, default 500), --warmup N (pages per untimed warm-up round, default 100),
/// --model DIR, --skip-postgres, --only no-store|sqlite|postgresql (one measurement, e.g. under a profiler),
/// --prefill N (SQLite: store N older mentions by random authors first, to see how the store behaves when full).
/// </summary>
internal sealed class IngestBenchmark : IBenchmark
{
    private const int PostsPerPage = 100;
    private const int DefaultWarmupPages = 100;
    private const int MaxWarmupRounds = 6;
    private const string Brand = "acme";
    private const string QueryKey = "acme:x:search";

    public string Name => "ingest";

    public string Description => "raw X-shaped JSON pages -> parse -> normalise -> dedupe -> score -> stored rows, SQLite and PostgreSQL";

    public async Task<int> RunAsync(string[] args)
    {
        var pages = OptionValue(args, "--pages") ?? 500;
        var prefill = OptionValue(args, "--prefill") ?? 0;
        var onlyIndex = Array.IndexOf(args, "--only");
        var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1] : null;
        if (only is not (null or "no-store" or "sqlite" or "postgresql"))
        {
            Console.Error.WriteLine($"ingest: --only takes no-store, sqlite or postgresql, not '{only}'");
            return 2;
        }

        var skipPostgres = args.Contains("--skip-postgres") || only is "no-store" or "sqlite";
        var modelIndex = Array.IndexOf(args, "--model");
        var modelDirectory = Path.GetFullPath(modelIndex >= 0 && modelIndex + 1 < args.Length ? args[modelIndex + 1] : Path.Combine("models", "current"));
        var feed = new PageFeed(MaxWarmupRounds, OptionValue(args, "--warmup") ?? DefaultWarmupPages, pages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: {pages:N0} pages x {PostsPerPage} posts ({feed.Bytes / 1024 / 1024:N0} MiB of JSON, ~5% repeated across pages), {Environment.ProcessorCount} CPU(s)"));
        IMentionScorer scorer;
        if (File.Exists(Path.Combine(modelDirectory, "manifest.json")))
        {
            var loaded = MentionScorer.Load(modelDirectory);
            scorer = loaded;
            Console.WriteLine($"ingest: scoring included: model {loaded.ModelVersion} from {modelDirectory}");
        }
        else
        {
            scorer = new ConstantScorer();
            Console.WriteLine($"ingest: SCORING EXCLUDED: no model at {modelDirectory} (run from the repository root or pass --model); the figures cover parse, normalise, dedupe and store only.");
        }

        // The same run with a store that keeps nothing: what the ingest side (HTTP handler, parse, map, normalise,
        // dedupe, job bookkeeping) costs on its own, so the storage share of the figures below can be read off.
        if (only is null or "no-store")
        {
            await MeasureAsync("no store", "Sqlite", "Data Source=:memory:", feed, scorer, discardStore: true);
        }

        if (only is null or "sqlite")
        {
            await MeasureSqliteAsync(feed, scorer, prefill);
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
            const string database = "sw_ingest_bench";
            var connectionString = await server.CreateDatabaseAsync(database);
            await MeasureAsync("postgresql", "PostgreSql", connectionString, feed, scorer);
            Npgsql.NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
        finally
        {
            await PostgresServer.StopSharedAsync();
        }

        return 0;
    }

    private static async Task MeasureSqliteAsync(PageFeed feed, IMentionScorer scorer, int prefill)
    {
        var file = Path.Combine(Path.GetTempPath(), $"socialwatch-ingest-bench-{Guid.NewGuid():N}.db");
        try
        {
            await MeasureAsync("sqlite", "Sqlite", $"Data Source={file}", feed, scorer, prefill: prefill);
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

    private static async Task MeasureAsync(
        string label, string storageProvider, string connectionString, PageFeed feed, IMentionScorer scorer, bool discardStore = false, int prefill = 0)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storageProvider,
            ["ConnectionStrings:SocialWatch"] = connectionString,
            ["Sources:X:BaseUrl"] = "http://x.bench.invalid/",
            ["Sources:X:BearerToken"] = "bench",
            ["Ingest:MaxPagesPerRun"] = "1000",
            ["Brands:0:Name"] = Brand,
            ["Brands:0:Handles:0"] = "acme",
            ["Brands:0:Keywords:0"] = "acme",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchIngest(configuration);
        services.AddHttpClient<XClient>().ConfigurePrimaryHttpMessageHandler(() => new PageHandler(feed));
        services.AddSingleton(scorer);
        services.AddSingleton<IOperatorAlerts, NoOperatorAlerts>();
        if (discardStore)
        {
            services.AddSingleton<IMentionStore, DiscardingStore>();
            services.AddSingleton<IIngestStateStore, DiscardingStore>();
            services.AddSingleton<IHandOverStore, DiscardingStore>();

            // Nothing is stored, so nothing is enrolled on the watch list either (it would need the stored rows).
            services.RemoveAll<IMentionsStoredHandler>();

            // No database at all in this run: the brand comes from the settings alone.
            services.AddSingleton<SocialWatch.Core.Brands.IBrandDirectory>(new ConfiguredBrandOnly(configuration));
        }

        await using var provider = services.BuildServiceProvider();
        if (!discardStore)
        {
            await provider.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
            if (prefill > 0)
            {
                await PrefillSqliteAsync(connectionString, prefill);
            }
        }

        // The warm-up rounds pay for JIT, connection pools and the first statements; they are stored but not timed.
        // Tiered compilation recompiles the hot path (a few thousand methods, each after enough calls) in the background
        // for many pages after their first calls, so warm-up rounds (fresh posts each) run until one compiles almost
        // nothing; what the JIT still compiles during the timed run is printed with the figures.
        for (var round = 0; round < feed.WarmupRounds; round++)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            feed.Segment = round;
            await RunJobAsync(provider);
            await WaitForQuietJitAsync();
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore < 20)
            {
                break;
            }
        }

        feed.Segment = feed.TimedSegment;
        var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = await RunJobAsync(provider);
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore;

        var read = feed.TimedPosts;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-11}: {read / stopwatch.Elapsed.TotalSeconds,10:N0} mentions/s from raw pages to rows ({read:N0} posts read, {result.Stored:N0} new rows, {result.Pages} pages in {stopwatch.Elapsed.TotalSeconds:F2} s; {read / cpu.TotalSeconds:N0} mentions per CPU-second; JIT in the timed run: {jitMethods:N0} methods, {jitTime.TotalMilliseconds:N0} ms)"));
        if (result.Pages != feed.TimedPages)
        {
            throw new InvalidOperationException($"The job stopped after {result.Pages} of {feed.TimedPages} pages ({result.Outcome}).");
        }
    }

    // Older mentions by random authors (ids 0..N-1, which interleave with the feed's in key order), with texts of the
    // feed's length, written by one SQL statement rather than the store: only the size of the tables and indexes matters
    // here. The warm-up rounds then run on the full database, so the store's merging after a bulk load is not timed.
    private const string PrefillSql = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
        INSERT INTO mentions (source, external_id, brand, text, author_id, author_handle, author_display_name, author_followers,
            created_at, ingested_at, sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level,
            reasons, model_version)
        SELECT 'x', 'prefill-' || i, 'acme', 'acme my order never arrived and support keeps closing my ticket ' || i,
            CAST(abs(random() % $count) AS TEXT), 'prefill', 'Prefill', 100, $now - i * 1000, $now, 'Negative', 0.8, 0.1, 0.1, 0.7, 0.3,
            'Low', '[]', 'prefill'
        FROM n
        """;

    private static async Task PrefillSqliteAsync(string connectionString, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PrefillSql;
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$now", DateTimeOffset.Parse("2026-11-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sqlite     : prefilled {count:N0} mentions in {stopwatch.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task WaitForQuietJitAsync()
    {
        var deadline = Stopwatch.StartNew();
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(500);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == count)
            {
                return;
            }

            count = now;
        }
    }

    private static async Task<IngestRunResult> RunJobAsync(IServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IngestJob>().RunAsync(QueryKey, CancellationToken.None);
    }

    private static int? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Pre-built search pages in two segments (warm-up, timed), each chained by next_token and ending without one.</summary>
    private sealed class PageFeed
    {
        private readonly byte[][][] _segments;

        public PageFeed(int warmupRounds, int warmupPages, int timedPages)
        {
            var random = new Random(7);
            long nextId = 1_900_000_000_000_000_000L;
            _segments = [.. Enumerable.Range(0, warmupRounds).Select(_ => Build(warmupPages, "w")), Build(timedPages, "t")];
            WarmupRounds = warmupRounds;
            TimedSegment = warmupRounds;
            TimedPages = timedPages;
            TimedPosts = timedPages * PostsPerPage;
            Bytes = _segments[TimedSegment].Sum(p => (long)p.Length);

            byte[][] Build(int count, string prefix)
            {
                string[] phrases =
                [
                    "@acme my order never arrived and support keeps closing my ticket",
                    "third time this week the acme app crashed during checkout",
                    "honestly great service from acme today, thanks to the lady at the desk",
                    "if acme doesn't fix this by friday I'm talking to my lawyer",
                    "acme flight delayed 6 hours &amp; no one tells us anything #acmefail",
                    "does anyone know whether acme refunds seat upgrades when the seat is broken?",
                ];
                var result = new byte[count][];
                var previous = new List<string>();
                for (var page = 0; page < count; page++)
                {
                    var posts = new JsonArray();
                    var users = new JsonArray();
                    var ids = new List<string>();
                    for (var i = 0; i < PostsPerPage; i++)
                    {
                        // X pages shift while a poll pages back, so some posts of the last page show up again.
                        var id = i < 5 && previous.Count > i ? previous[^(i + 1)] : (nextId--).ToString(CultureInfo.InvariantCulture);
                        ids.Add(id);
                        var user = random.Next(50_000).ToString(CultureInfo.InvariantCulture);
                        posts.Add(new JsonObject
                        {
                            ["id"] = id,
                            ["text"] = phrases[random.Next(phrases.Length)] + " " + id[^6..],
                            ["author_id"] = user,
                            ["created_at"] = "2026-11-24T05:00:00.000Z",
                            ["conversation_id"] = id,
                            ["lang"] = "en",
                            ["public_metrics"] = new JsonObject { ["retweet_count"] = random.Next(100), ["reply_count"] = random.Next(50), ["like_count"] = random.Next(500), ["quote_count"] = random.Next(20), ["bookmark_count"] = 0, ["impression_count"] = random.Next(100_000) },
                            ["edit_history_tweet_ids"] = new JsonArray(id),
                        });
                        users.Add(new JsonObject
                        {
                            ["id"] = user,
                            ["username"] = "user" + user,
                            ["name"] = "User " + user,
                            ["verified"] = random.Next(100) == 0,
                            ["public_metrics"] = new JsonObject { ["followers_count"] = random.Next(1_000_000), ["following_count"] = 10, ["tweet_count"] = 100, ["listed_count"] = 1 },
                        });
                    }

                    var meta = new JsonObject { ["newest_id"] = ids.Max(), ["oldest_id"] = ids.Min(), ["result_count"] = PostsPerPage };
                    if (page < count - 1)
                    {
                        meta["next_token"] = prefix + (page + 1).ToString(CultureInfo.InvariantCulture);
                    }

                    result[page] = Encoding.UTF8.GetBytes(new JsonObject { ["data"] = posts, ["includes"] = new JsonObject { ["users"] = users }, ["meta"] = meta }.ToJsonString());
                    previous = ids;
                }

                return result;
            }
        }

        public int Segment { get; set; }

        public int WarmupRounds { get; }

        public int TimedSegment { get; }

        public int TimedPages { get; }

        public int TimedPosts { get; }

        public long Bytes { get; }

        public byte[] Page(string? nextToken) =>
            _segments[Segment][nextToken is null ? 0 : int.Parse(nextToken.AsSpan(1), CultureInfo.InvariantCulture)];
    }

    /// <summary>Answers recent-search requests from the feed, as the X API would over the network.</summary>
    private sealed class PageHandler(PageFeed feed) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = request.RequestUri!.Query;
            var at = query.IndexOf("next_token=", StringComparison.Ordinal);
            var token = at < 0 ? null : Uri.UnescapeDataString(query[(at + "next_token=".Length)..].Split('&')[0]);
            var content = new ByteArrayContent(feed.Page(token));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    /// <summary>Placeholder when no model is found: the figure printed then says scoring is excluded.</summary>
    private sealed class ConstantScorer : IMentionScorer
    {
        private static readonly MentionScore Score = new(
            new SentimentScore(SentimentLabel.Neutral, 0.2f, 0.6f, 0.2f), 0.1f, new EscalationScore(0.1f, EscalationLevel.Low, []), "unscored");

        public string ModelVersion => "unscored";

        IReadOnlyList<MentionScore> IMentionScorer.Score(IReadOnlyList<ScoringInput> inputs)
        {
            var scores = new MentionScore[inputs.Count];
            Array.Fill(scores, Score);
            return scores;
        }
    }

    /// <summary>Keeps only the cursor; every mention counts as inserted.</summary>
    private sealed class ConfiguredBrandOnly(IConfiguration configuration) : SocialWatch.Core.Brands.IBrandDirectory
    {
        private readonly SocialWatch.Core.Brands.BrandSet _set = new(
            [.. (configuration.GetSection("Brands").Get<List<SocialWatch.Core.Brands.Brand>>() ?? []).Select(b => new SocialWatch.Core.Brands.BrandEntry(b, null))]);

        public ValueTask<SocialWatch.Core.Brands.BrandSet> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_set);

        public void Invalidate()
        {
        }
    }

    private sealed class DiscardingStore : IMentionStore, IIngestStateStore, IHandOverStore
    {
        private readonly Dictionary<string, string?> _cursors = [];

        public Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
        {
            _cursors[batch.QueryKey] = batch.NewCursor;
            var rows = batch.Mentions.Select((m, i) => new Core.Mentions.StoredMention(i, m.Mention, m.Score, false)).ToList();
            return Task.FromResult(new StoreBatchResult(batch.Mentions.Count, rows));
        }

        public Task<string?> GetCursorAsync(string queryKey, CancellationToken cancellationToken) =>
            Task.FromResult(_cursors.GetValueOrDefault(queryKey));

        // No stored-handlers are registered here, so the pipeline asks for no hand-over.
        public Task CompleteAsync(long handOverId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordFailureAsync(long handOverId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<PendingHandOver>> GetPendingAsync(DateTimeOffset storedBefore, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PendingHandOver>>([]);

        public Task<long> AddReadsAsync(string source, string brand, DateOnly day, long reads, CancellationToken cancellationToken) => Task.FromResult(reads);

        public Task<long> GetReadsAsync(string source, string brand, DateOnly day, CancellationToken cancellationToken) => Task.FromResult(0L);

        public Task<long> GetReadsBetweenAsync(string source, string brand, DateOnly from, DateOnly to, CancellationToken cancellationToken) => Task.FromResult(0L);

        public Task PauseSourceAsync(string source, DateTimeOffset until, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<SourcePause?> GetPauseAsync(string source, CancellationToken cancellationToken) => Task.FromResult<SourcePause?>(null);

        public Task<Core.Mentions.StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Core.Mentions.StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Core.Mentions.StoredMention?> FindMentionAsync(string source, string externalId, string? brand, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Core.Mentions.StoredMention>> GetMentionsAsync(Core.Mentions.MentionQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Core.Mentions.StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddSnapshotsAsync(IReadOnlyList<Core.Mentions.EngagementSnapshot> snapshots, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Core.Mentions.EngagementSnapshot>> GetSnapshotsAsync(long mentionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class NoOperatorAlerts : IOperatorAlerts
    {
        public Task RaiseAsync(string source, string message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Unexpected operator alert during the benchmark: {source}: {message}");
    }
}
