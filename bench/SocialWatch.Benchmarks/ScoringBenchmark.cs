using System.Diagnostics;
using System.Globalization;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Vader;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Scores synthetic brand mentions (our own templates) with all three models and with VADER on the same texts,
/// both spread over all cores, and prints model load time, throughput and process memory.
/// Options: --model &lt;dir&gt; (default models/current), --data &lt;dir&gt; (for the VADER lexicon, default ../shared/data),
/// --count &lt;n&gt; (default 1,000,000).
/// </summary>
internal sealed class ScoringBenchmark : IBenchmark
{
    private const int BatchSize = 2_048;

    private static readonly string[] s_brands = ["acme", "northwindair", "globexmobile", "contosofoods", "initechbank", "litware", "tailspinrail", "fabrikamenergy"];

    private static readonly string[] s_templates =
    [
        "@{b} {n} hours on hold, again",
        "@{b} my order #{id} still hasn't arrived after {n} days",
        "@{b} thanks for the quick help today, great service!",
        "@{b} the app keeps crashing when I try to pay. Fix it please",
        "@{b} where is my refund?? returned it {n} weeks ago",
        "@{b} do you ship to {city}?",
        "just tried the new {thing} from @{b}, love it",
        "@{b} your staff at the {city} store were so rude to my mum",
        "@{b} I'm cancelling my contract, {n} outages this month is a joke",
        "@{b} the {thing} caught fire while charging. This is dangerous!!!",
        "@{b} my lawyer will be in touch about the charges on my account",
        "@{b} WORST CUSTOMER SERVICE EVER. {n} emails and no reply",
        "is @{b} down for anyone else in {city}?",
        "@{b} booked the {n}:15 to {city}, what platform does it leave from?",
        "@{b} delivery driver left the parcel in the rain again, everything is ruined",
        "shout out to @{b} for sorting my bill in {n} minutes",
    ];

    private static readonly string[] s_cities = ["Leeds", "Lyon", "Austin", "Porto", "Dublin", "Oslo", "Graz", "Turin"];
    private static readonly string[] s_things = ["phone", "charger", "kettle", "router", "headphones", "meal deal", "smart meter", "tablet"];

    public string Name => "scoring";

    public string Description => "Model load, throughput of all three models vs VADER, memory (1M synthetic mentions).";

    public Task<int> RunAsync(string[] args)
    {
        var modelDirectory = Option(args, "--model") ?? FindUp(Path.Combine("models", "current"));
        var dataDirectory = Option(args, "--data") ?? FindUp(Path.Combine("..", "shared", "data"));
        var count = int.Parse(Option(args, "--count") ?? "1000000", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cores: {Environment.ProcessorCount}, server GC: {System.Runtime.GCSettings.IsServerGC}, mentions: {count:N0}"));

        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var load = Stopwatch.StartNew();
        var scorer = MentionScorer.Load(modelDirectory);
        scorer.Score([new ScoringInput("warm up @acme")]);
        load.Stop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var withModels = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model load: {load.Elapsed.TotalMilliseconds:N0} ms (version {scorer.ModelVersion})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory with models loaded: working set {Mb(withModels)} MB (process before load {Mb(baseline)} MB), managed heap {Mb(GC.GetTotalMemory(false))} MB"));

        var inputs = Generate(count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {inputs.Count:N0} mentions, mean length {inputs.Average(i => i.Text.Length):0} chars"));
        if (args.Contains("--breakdown"))
        {
            Breakdown(scorer, inputs, dataDirectory);
        }

        // Warm-up pass so the JIT and the caches are in steady state for the timed pass.
        scorer.Score(inputs.Take(50_000).ToList());
        var scoring = Stopwatch.StartNew();
        long escalated = 0;
        for (var start = 0; start < inputs.Count; start += BatchSize)
        {
            var batch = inputs.GetRange(start, Math.Min(BatchSize, inputs.Count - start));
            foreach (var score in scorer.Score(batch))
            {
                if (score.Escalation.Level >= EscalationLevel.High)
                {
                    escalated++;
                }
            }
        }

        scoring.Stop();
        var modelRate = inputs.Count / scoring.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models (sentiment + complaint + escalation): {scoring.Elapsed.TotalSeconds:0.00} s, {modelRate:N0} mentions/s ({escalated:N0} high or critical)"));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var lexicon = Path.Combine(dataDirectory, "vader", "vader_lexicon.txt");
        if (!File.Exists(lexicon))
        {
            Console.WriteLine($"VADER skipped: lexicon not found at {lexicon}");
            return Task.FromResult(0);
        }

        var vader = new VaderAnalyzer(VaderLexicon.Load(lexicon));
        Parallel.For(0, 20_000, i => vader.PolarityScores(inputs[i].Text));
        var vaderTime = Stopwatch.StartNew();
        var negative = 0L;
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, inputs.Count, BatchSize),
            () => 0L,
            (range, _, local) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    if (vader.PolarityScores(inputs[i].Text).Compound <= -0.05)
                    {
                        local++;
                    }
                }

                return local;
            },
            local => Interlocked.Add(ref negative, local));
        vaderTime.Stop();
        var vaderRate = inputs.Count / vaderTime.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VADER (same texts, same cores): {vaderTime.Elapsed.TotalSeconds:0.00} s, {vaderRate:N0} mentions/s ({negative:N0} negative)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models vs VADER throughput: {modelRate / vaderRate:0.0}x; peak working set during scoring {Mb(peak)} MB"));
        return Task.FromResult(0);
    }

    /// <summary>Single-thread cost per mention of each stage, to see where the time goes.</summary>
    private static void Breakdown(MentionScorer scorer, List<ScoringInput> inputs, string dataDirectory)
    {
        var model = scorer.Model;
        var scratch = new SocialWatch.Scoring.Features.FeatureScratch();
        var n = Math.Min(inputs.Count, 200_000);
        for (var round = 0; round < 2; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                SocialWatch.Scoring.Features.TextFeaturizer.Featurize(inputs[i].Text, model.HashBits, scratch);
            }

            var featurize = sw.Elapsed.TotalMicroseconds / n;
            sw.Restart();
            var sink = 0f;
            for (var i = 0; i < n; i++)
            {
                SocialWatch.Scoring.Features.TextFeaturizer.Featurize(inputs[i].Text, model.HashBits, scratch);
                sink += model.Predict(scratch).Negative;
            }

            var predict = (sw.Elapsed.TotalMicroseconds / n) - featurize;
            sw.Restart();
            for (var i = 0; i < n; i++)
            {
                sink += model.Score(inputs[i], scratch).Escalation.Score;
            }

            var full = sw.Elapsed.TotalMicroseconds / n;
            sw.Restart();
            for (var start = 0; start < n; start += 500)
            {
                sink += scorer.Score(inputs.GetRange(start, Math.Min(500, n - start)))[0].Complaint;
            }

            var sequentialBatches = sw.Elapsed.TotalMicroseconds / n;
            sw.Restart();
            for (var start = 0; start < n; start += BatchSize)
            {
                sink += scorer.Score(inputs.GetRange(start, Math.Min(BatchSize, n - start)))[0].Complaint;
            }

            var parallelBatches = sw.Elapsed.TotalMicroseconds / n;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch API per mention: one thread (batches of 500) {sequentialBatches:0.00} us, parallel (batches of {BatchSize}) {parallelBatches:0.00} us"));
            var vader = new VaderAnalyzer(VaderLexicon.Load(Path.Combine(dataDirectory, "vader", "vader_lexicon.txt")));
            sw.Restart();
            for (var i = 0; i < n; i++)
            {
                sink += (float)vader.PolarityScores(inputs[i].Text).Compound;
            }

            var vaderCost = sw.Elapsed.TotalMicroseconds / n;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"single thread per mention: featurize {featurize:0.00} us, predict {predict:0.00} us, full score incl. escalation {full:0.00} us; VADER {vaderCost:0.00} us ({sink:0})"));
        }
    }

    private static List<ScoringInput> Generate(int count)
    {
        var random = new Random(20_260_601);
        var inputs = new List<ScoringInput>(count);
        for (var i = 0; i < count; i++)
        {
            var text = s_templates[random.Next(s_templates.Length)]
                .Replace("{b}", s_brands[random.Next(s_brands.Length)], StringComparison.Ordinal)
                .Replace("{n}", random.Next(2, 48).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{id}", random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{city}", s_cities[random.Next(s_cities.Length)], StringComparison.Ordinal)
                .Replace("{thing}", s_things[random.Next(s_things.Length)], StringComparison.Ordinal);
            var followers = (long)Math.Pow(10, random.NextDouble() * 6);
            var reposts = random.Next(0, 200);
            inputs.Add(new ScoringInput(text)
            {
                Author = new MentionAuthor(i.ToString(CultureInfo.InvariantCulture), "user" + (i % 5000), null, followers, random.Next(50) == 0),
                Metrics = new EngagementMetrics(random.Next(0, 1000), reposts, random.Next(0, 50), random.Next(0, 20)),
                Velocity = random.Next(4) == 0 ? new EngagementVelocity(reposts * 2.0, reposts * 6.0, TimeSpan.FromMinutes(random.Next(5, 600))) : null,
                History = random.Next(6) == 0 ? new AuthorHistory(random.Next(0, 4), random.Next(0, 8), 0) : null,
            });
        }

        return inputs;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Resolves a path against the current directory or the nearest parent holding SocialWatch.sln.</summary>
    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, relative));
            }
        }

        return Path.GetFullPath(relative);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture);
}
