using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Watch;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Storage;

namespace SocialWatch.Benchmarks;

/// <summary>
/// The watch list at scale: 100,000 watched mentions on SQLite, all due, refreshed by the real refresh job (claim,
/// lookup, author history, re-score in batches, snapshot and score stored, next due time) against a lookup that answers
/// at once, so the figure is the product's own cost per refresh, not a network's. Then what the default cadence costs
/// in reads per 1,000 watched mentions, from the real cadence over a mention's whole window.
/// </summary>
internal sealed class WatchBenchmark : IBenchmark
{
    private const string Brand = "acme";
    private const int PageSize = 1_000;

    public string Name => "watch";

    public string Description => "watch-list refreshes per second through the SQLite store at 100k watched; X reads a day per 1,000 watched at the default cadence";

    public async Task<int> RunAsync(string[] args)
    {
        var count = OptionValue(args, "--watched") ?? 100_000;
        var modelDirectory = Path.GetFullPath(Path.Combine("models", "current"));
        if (!File.Exists(Path.Combine(modelDirectory, "manifest.json")))
        {
            Console.Error.WriteLine($"watch: no model at {modelDirectory}; run from the repository root.");
            return 2;
        }

        var scorer = MentionScorer.Load(modelDirectory);
        var file = Path.Combine(Path.GetTempPath(), $"socialwatch-watch-bench-{Guid.NewGuid():N}.db");
        try
        {
            await MeasureRefreshAsync($"Data Source={file}", count, scorer);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }

        PrintCadenceCost();
        return 0;
    }

    private static async Task MeasureRefreshAsync(string connectionString, int count, IMentionScorer scorer)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialWatch"] = connectionString,
            ["Sources:Demo:Enabled"] = "false",
            ["Brands:0:Name"] = Brand,
            ["Brands:0:Keywords:0"] = "acme",
            ["Ingest:Watch:MaxPagesPerRun"] = "10000",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchIngest(configuration);
        services.AddSingleton<IEngagementSource, InstantLookup>();
        services.AddSingleton(scorer);
        services.AddSingleton<IOperatorAlerts, NoOperatorAlerts>();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);

        var fill = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var mentions = provider.GetRequiredService<IMentionStore>();
        var watchList = provider.GetRequiredService<IWatchListStore>();
        var enrolments = new List<WatchEnrolment>(count);
        for (var start = 0; start < count; start += PageSize)
        {
            var page = Enumerable.Range(start, Math.Min(PageSize, count - start)).Select(i => Scored(i, now)).ToList();
            var stored = await mentions.StoreBatchAsync(new IngestBatch($"{Brand}:x:bench", page, "c" + start, start == 0 ? null : "c" + (start - PageSize)), CancellationToken.None);
            enrolments.AddRange(stored.Inserted.Select(m => new WatchEnrolment(m.Id, "x", Brand, now.AddMinutes(-10), now.AddHours(48), now.AddMinutes(-1))));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"watch: {count:N0} mentions stored in {fill.Elapsed.TotalSeconds:F1} s (SQLite, {Environment.ProcessorCount} CPU(s), scoring with model {scorer.ModelVersion})"));

        // A warm-up run over the first page pays for JIT and the first statements; its entries are due again only
        // later, so the timed run refreshes the rest.
        var job = provider.GetRequiredService<EngagementRefreshJob>();
        await watchList.EnrolAsync(enrolments[..PageSize], CancellationToken.None);
        await job.RunAsync(CancellationToken.None);
        var warm = await SnapshotCountAsync(connectionString);
        for (var start = PageSize; start < enrolments.Count; start += PageSize)
        {
            await watchList.EnrolAsync(enrolments.GetRange(start, Math.Min(PageSize, enrolments.Count - start)), CancellationToken.None);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await job.RunAsync(CancellationToken.None);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var refreshed = await SnapshotCountAsync(connectionString) - warm;
        if (refreshed != count - warm)
        {
            throw new InvalidOperationException($"The job refreshed {refreshed:N0} of the {count - warm:N0} due mentions.");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"watch: {refreshed / clock.Elapsed.TotalSeconds,8:N0} refreshed mentions/s through the store ({refreshed:N0} refreshed in {clock.Elapsed.TotalSeconds:F2} s, {refreshed / cpu.TotalSeconds:N0} per CPU-second; claim, lookup, author history, re-score, snapshot and score stored)"));
    }

    /// <summary>
    /// Reads per mention over its window at the default cadence if it never grows (growth restarts the cadence, so a
    /// spreading post costs more), and the steady state: with N mentions watched at any moment over a window W, N / W
    /// are enrolled per hour, each costing its lifetime's reads.
    /// </summary>
    private static void PrintCadenceCost()
    {
        var ingest = new IngestOptions();
        var watch = new WatchOptions();
        var cadence = new WatchCadence(Options.Create(ingest), Options.Create(watch));
        var enrolled = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var until = enrolled + watch.Window;
        var lifetime = cadence.RefreshesBetween(enrolled, enrolled + cadence.Shortest, until, enrolled, until);
        var firstDay = cadence.RefreshesBetween(enrolled, enrolled + cadence.Shortest, until, enrolled, enrolled.AddDays(1));
        var readsPerDayPer1000 = 1_000.0 * lifetime * (24.0 / watch.Window.TotalHours);
        var days = Math.Ceiling(watch.Window.TotalDays);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cadence: shortest {cadence.Shortest}, window {watch.Window.TotalHours:0} h: {lifetime} refreshes per quiet mention over its window ({firstDay} in its first day)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cadence: {readsPerDayPer1000:N0} X post reads a day per 1,000 watched mentions (steady state), ${readsPerDayPer1000 * 0.005:N2} a day at $0.005 a read if every read is billed"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cadence: if X bills a post once per UTC day however often it is read, at most {1_000.0 * days * (24.0 / watch.Window.TotalHours):N0} billed post-days a day per 1,000 watched (${1_000.0 * days * (24.0 / watch.Window.TotalHours) * 0.005:N2})"));
    }

    private static ScoredMention Scored(int i, DateTimeOffset now)
    {
        var author = "author-" + (i % 20_000).ToString(CultureInfo.InvariantCulture);
        var mention = new Mention
        {
            Source = "x",
            ExternalId = "watch-" + i.ToString(CultureInfo.InvariantCulture),
            Brand = Brand,
            Text = "@acme my bag is lost again and nobody answers, third time this month " + i.ToString(CultureInfo.InvariantCulture),
            Author = new MentionAuthor(author, author, null, 300 + (i % 5_000), false),
            Metrics = new EngagementMetrics(3, 1, 1, 0),
            Language = "en",
            CreatedAt = now.AddMinutes(-10),
            IngestedAt = now.AddMinutes(-10),
        };
        var score = new MentionScore(
            new SentimentScore(SentimentLabel.Negative, 0.8f, 0.15f, 0.05f), 0.9f, new EscalationScore(0.3f, EscalationLevel.Medium, []), "bench");
        return new ScoredMention(mention, score);
    }

    private static async Task<long> SnapshotCountAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM engagement_snapshots";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int? OptionValue(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>An X lookup that answers at once: every post has gained a few interactions since it was stored.</summary>
    private sealed class InstantLookup : IEngagementSource
    {
        public string Name => "x";

        public Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EngagementUpdate>>(
                [.. mentions.Select(m => new EngagementUpdate(m.Id, m.Mention.Metrics with { Likes = m.Mention.Metrics.Likes + 2 }, Deleted: false))]);
    }

    private sealed class NoOperatorAlerts : IOperatorAlerts
    {
        public Task RaiseAsync(string source, string message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
