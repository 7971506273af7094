using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Alerts;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;
using SocialWatch.TestSupport;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Routing throughput (rule evaluation in memory, and the whole hand-over to alerts on PostgreSQL) and the latency of
/// the open-alert queue query (<see cref="IAlertStore.GetOpenAsync"/>) on PostgreSQL holding many stored mentions and
/// alerts. Data is generated inside PostgreSQL with generate_series. The test server runs with fsync off, so write
/// figures are an upper bound; read figures are what the queue page waits for.
/// Options: --mentions N (default 10000000), --open-alerts N (10000), --closed-alerts N (90000), --queries N (400),
/// --route N (5000), --rules N (50).
/// </summary>
internal sealed class QueueBenchmark : IBenchmark
{
    private const int Teams = 8;
    private const int Brands = 20;

    public string Name => "queue";

    public string Description => "routing throughput and open-alert queue query p50/p95 on PostgreSQL with N stored mentions";

    public async Task<int> RunAsync(string[] args)
    {
        var mentions = Option(args, "--mentions") ?? 10_000_000;
        var openAlerts = Option(args, "--open-alerts") ?? 10_000;
        var closedAlerts = Option(args, "--closed-alerts") ?? 90_000;
        var queries = Option(args, "--queries") ?? 400;
        var route = Option(args, "--route") ?? 5_000;
        var ruleCount = Option(args, "--rules") ?? 50;
        Console.WriteLine($"queue: {Environment.ProcessorCount} CPU(s); {mentions:N0} mentions, {openAlerts:N0} open + {closedAlerts:N0} closed alerts, {ruleCount} rules");

        var rules = Rules(ruleCount);
        EvaluatorThroughput(rules);

        PostgresServer server;
        try
        {
            server = await PostgresServer.StartSharedAsync();
        }
        catch (PostgresUnavailableException e)
        {
            Console.WriteLine($"postgresql: skipped ({e.Message})");
            return 1;
        }

        try
        {
            var connectionString = await server.CreateDatabaseAsync("sw_bench_queue");
            await using var services = Services(connectionString);
            await services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
            await GenerateAsync(connectionString, mentions, openAlerts, closedAlerts);
            await QueueLatencyAsync(services, queries);
            await JobDurationsAsync(services);
            await RoutingThroughputAsync(services, rules, route);
            await server.DropDatabaseAsync("sw_bench_queue");
        }
        finally
        {
            await PostgresServer.StopSharedAsync();
        }

        return 0;
    }

    private static List<RoutingRule> Rules(int count)
    {
        // Realistic shape: most rules look for a brand's keywords or a high-reach author; the last one matches all.
        var rules = new List<RoutingRule>();
        for (var i = 0; i < count - 1; i++)
        {
            rules.Add(new RoutingRule
            {
                Name = $"rule-{i}",
                Order = i,
                Team = $"team-{i % Teams}",
                Priority = (AlertPriority)(i % 4),
                Conditions = i % 2 == 0
                    ? new RuleConditions { Brands = [$"brand-{i % Brands}"], KeywordsAny = [$"refund-{i}", $"lawyer-{i}"] }
                    : new RuleConditions { Sources = ["reddit"], MinFollowers = 1_000_000, Sentiments = [SentimentLabel.Negative] },
            });
        }

        rules.Add(new RoutingRule { Name = "catch-all", Order = count, Team = "team-0" });
        return rules;
    }

    private static void EvaluatorThroughput(List<RoutingRule> rules)
    {
        var evaluator = new RoutingRuleEvaluator(Options.Create(new RoutingOptions()));
        var sample = Enumerable.Range(0, 100_000).Select(i => Mention(i, i)).ToList();
        var matched = 0;
        foreach (var m in sample.Take(5_000))
        {
            matched += evaluator.Evaluate(rules, m) is null ? 0 : 1;
        }

        var watch = Stopwatch.StartNew();
        matched = 0;
        foreach (var m in sample)
        {
            matched += evaluator.Evaluate(rules, m) is null ? 0 : 1;
        }

        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rules in memory: {sample.Count:N0} mentions x {rules.Count} rules in {watch.Elapsed.TotalMilliseconds:F0} ms = {sample.Count / watch.Elapsed.TotalSeconds:N0} mentions/s ({matched:N0} routed)"));
    }

    private static StoredMention Mention(long id, int i) => new(
        id,
        new Mention
        {
            Source = i % 3 == 0 ? "reddit" : "x",
            ExternalId = $"r{i}",
            Brand = $"brand-{i % Brands}",
            Text = $"Ordered {i} days ago, still no parcel and no answer from support",
            Author = new MentionAuthor($"author-{i}", $"h{i}", null, i % 50_000, false),
            CreatedAt = DateTimeOffset.UnixEpoch,
        },
        new MentionScore(new SentimentScore(SentimentLabel.Negative, 0.7f, 0.2f, 0.1f), 0.8f, new EscalationScore(0.5f, EscalationLevel.Medium, [new Reason(ReasonCodes.ThreatensToLeave, "threatens to leave", 1f)]), "bench"),
        false);

    private static ServiceProvider Services(string connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:SocialWatch"] = connectionString,
        };
        for (var b = 0; b < Brands; b++)
        {
            settings[$"Brands:{b}:Name"] = $"brand-{b}";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IEmailSender, UnusedEmailSender>();
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchAlerts(configuration);
        return services.BuildServiceProvider();
    }

    private const string GenerateMentionsSql = """
        INSERT INTO mentions (source, external_id, brand, text, author_id, author_handle, author_followers,
            likes, reposts, replies, quotes, lang, created_at, ingested_at,
            sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
        SELECT CASE WHEN g % 3 = 0 THEN 'reddit' ELSE 'x' END, 'g' || g, 'brand-' || (g % 20),
            'Generated mention ' || g || ': ordered weeks ago, parcel still missing and support does not answer',
            'author-' || (g % 2000000), 'h' || (g % 2000000), g % 50000,
            g % 100, g % 20, g % 10, g % 5, 'en',
            now() - ((g * 7919) % 7776000) * interval '1 second', now(),
            CASE WHEN g % 4 = 0 THEN 'Negative' WHEN g % 4 = 1 THEN 'Positive' ELSE 'Neutral' END,
            0.4, 0.4, 0.2, 0.3, 0.2, 'Low', '["generated"]', 'bench'
        FROM generate_series(@from::bigint, @to::bigint) AS g
        """;

    private const string GenerateAlertsSql = """
        INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to,
            created_at, updated_at, first_response_due_at, resolve_due_at, first_responded_at, resolved_at, version, escalation_score)
        SELECT 'Mention', (g * 104729) % @mentions + 1, 'brand-' || (g % 20), 'team-' || (g % 8), g % 4,
            CASE WHEN @open THEN (CASE WHEN g % 3 = 0 THEN 'Acknowledged' ELSE 'New' END) ELSE 'Resolved' END,
            @open, 'Generated alert ' || g, '["generated"]', CASE WHEN g % 2 = 0 THEN 'agent-' || (g % 40) END,
            now() - (g % 1440) * interval '1 minute', now(),
            CASE WHEN g % 10 = 0 THEN NULL ELSE now() + ((g * 31) % 2880 - 1440) * interval '1 minute' END,
            now() + (g % 4320) * interval '1 minute',
            CASE WHEN @open THEN NULL ELSE now() END, CASE WHEN @open THEN NULL ELSE now() END, 1, 0.2
        FROM generate_series(@from::bigint, @to::bigint) AS g
        """;

    private static async Task GenerateAsync(string connectionString, int mentions, int openAlerts, int closedAlerts)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        const int Chunk = 1_000_000;
        for (long from = 1; from <= mentions; from += Chunk)
        {
            var to = Math.Min(mentions, from + Chunk - 1);
            await connection.ExecuteAsync(new CommandDefinition(GenerateMentionsSql, new { from, to }, commandTimeout: 3600));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated {to:N0} mentions ({watch.Elapsed.TotalSeconds:F0} s)"));
        }

        await connection.ExecuteAsync(new CommandDefinition(GenerateAlertsSql, new { from = 1L, to = (long)closedAlerts, mentions = (long)mentions, open = false }, commandTimeout: 3600));
        await connection.ExecuteAsync(new CommandDefinition(GenerateAlertsSql, new { from = closedAlerts + 1L, to = (long)closedAlerts + openAlerts, mentions = (long)mentions, open = true }, commandTimeout: 3600));
        await connection.ExecuteAsync(new CommandDefinition("VACUUM ANALYZE mentions", commandTimeout: 3600));
        await connection.ExecuteAsync(new CommandDefinition("VACUUM ANALYZE alerts", commandTimeout: 3600));
        var stored = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM mentions");
        var open = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alerts WHERE is_open");
        var size = await connection.ExecuteScalarAsync<string>("SELECT pg_size_pretty(pg_database_size(current_database()))");
        var version = await connection.ExecuteScalarAsync<string>("SHOW server_version");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data: {stored:N0} mentions, {open:N0} open alerts, database {size}, PostgreSQL {version}, generated in {watch.Elapsed.TotalSeconds:F0} s"));
    }

    private static async Task QueueLatencyAsync(IServiceProvider services, int queries)
    {
        var store = services.GetRequiredService<IAlertStore>();
        var shapes = new (string Name, Func<int, OpenAlertQuery> Query)[]
        {
            ("one team, 50 rows", i => new OpenAlertQuery { Teams = [$"team-{i % Teams}"], Limit = 50 }),
            ("two teams, 200 rows", i => new OpenAlertQuery { Teams = [$"team-{i % Teams}", $"team-{(i + 1) % Teams}"], Limit = 200 }),
            ("all teams, 200 rows", _ => new OpenAlertQuery { Limit = 200 }),
            ("one team, High+, 50 rows", i => new OpenAlertQuery { Teams = [$"team-{i % Teams}"], MinPriority = AlertPriority.High, Limit = 50 }),
            ("one brand, 50 rows", i => new OpenAlertQuery { Brand = $"brand-{i % Brands}", Limit = 50 }),
        };

        foreach (var (name, query) in shapes)
        {
            for (var i = 0; i < 20; i++)
            {
                await store.GetOpenAsync(query(i), CancellationToken.None);
            }

            var times = new double[queries];
            var rows = 0;
            for (var i = 0; i < queries; i++)
            {
                var watch = Stopwatch.StartNew();
                rows += (await store.GetOpenAsync(query(i), CancellationToken.None)).Count;
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"queue query [{name}]: {queries} runs, p50 {Percentile(times, 0.50):F2} ms, p95 {Percentile(times, 0.95):F2} ms, max {times[^1]:F2} ms, {rows / queries} rows/run"));
        }
    }

    /// <summary>One run of each recurring job that reads the big tables, as the scheduler would start it.</summary>
    private static async Task JobDurationsAsync(IServiceProvider services)
    {
        foreach (var (name, run) in new (string, Func<Task>)[]
        {
            ("SLA sweep over all open alerts", () => services.GetRequiredService<SlaSweepJob>().RunAsync(CancellationToken.None)),
            ("SLA sweep again (notices already sent)", () => services.GetRequiredService<SlaSweepJob>().RunAsync(CancellationToken.None)),
            ($"spike detection, {Brands} brands x 13 windows", () => services.GetRequiredService<SpikeDetectionJob>().RunAsync(CancellationToken.None)),
        })
        {
            var watch = Stopwatch.StartNew();
            await run();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job [{name}]: {watch.Elapsed.TotalMilliseconds:F0} ms"));
        }
    }

    private static async Task RoutingThroughputAsync(IServiceProvider services, List<RoutingRule> rules, int count)
    {
        var ruleStore = services.GetRequiredService<IRoutingRuleStore>();
        foreach (var rule in rules)
        {
            await ruleStore.SaveAsync(rule, "bench", CancellationToken.None);
        }

        var mentionStore = services.GetRequiredService<IMentionStore>();
        var stored = new List<StoredMention>();
        for (var start = 0; start < count; start += 500)
        {
            var batch = Enumerable.Range(start, Math.Min(500, count - start))
                .Select(i => new ScoredMention(Mention(0, i).Mention with { ExternalId = $"route-{i}", CreatedAt = DateTimeOffset.UtcNow, IngestedAt = DateTimeOffset.UtcNow }, Mention(0, i).Score!))
                .ToList();
            stored.AddRange((await mentionStore.StoreBatchAsync(new IngestBatch($"route-{start}", batch, "c", null), CancellationToken.None)).Inserted);
        }

        var router = services.GetRequiredService<IMentionsStoredHandler>();
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < stored.Count; start += 500)
        {
            await router.OnStoredAsync(stored.Skip(start).Take(500).ToList(), CancellationToken.None);
        }

        watch.Stop();
        var created = await services.GetRequiredService<IAlertStore>().GetOpenAsync(new OpenAlertQuery { Limit = 1 }, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"routing to alerts on PostgreSQL: {stored.Count:N0} mentions in {watch.Elapsed.TotalSeconds:F1} s = {stored.Count / watch.Elapsed.TotalSeconds:N0} mentions/s (rules, re-complaint lookup, deadlines, insert with audit){(created.Count == 0 ? " - no alert seen!" : "")}"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The benchmark raises no critical alerts that would mail; the notification worker is not started.</summary>
    private sealed class UnusedEmailSender : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The queue benchmark sends no e-mail.");
    }
}
