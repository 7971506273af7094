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
        var npmCount = int.Parse(Option(args, "--npm-count") ?? "200000", CultureInfo.InvariantCulture);
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
        long escalated = 0;
        var models = Timed.Run(() =>
        {
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
        });
        var modelRate = inputs.Count / models.Wall.TotalSeconds;
        var modelCpu = models.Cpu.TotalMicroseconds / inputs.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models (sentiment + complaint + escalation): {models.Wall.TotalSeconds:0.00} s, {modelRate:N0} mentions/s, {models.Cpu.TotalSeconds:0.00} CPU-s ({modelCpu:0.00} CPU-us/mention; {escalated:N0} high or critical)"));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var lexicon = Path.Combine(dataDirectory, "vader", "vader_lexicon.txt");
        if (!File.Exists(lexicon))
        {
            Console.WriteLine($"VADER skipped: lexicon not found at {lexicon}");
            return Task.FromResult(0);
        }

        var vader = new VaderAnalyzer(VaderLexicon.Load(lexicon));
        Parallel.For(0, 20_000, i => vader.PolarityScores(inputs[i].Text));
        var negative = 0L;
        var port = Timed.Run(() => Parallel.ForEach(
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
            local => Interlocked.Add(ref negative, local)));
        var portRate = inputs.Count / port.Wall.TotalSeconds;
        var portCpu = port.Cpu.TotalMicroseconds / inputs.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VADER, our C# port (same texts, same cores): {port.Wall.TotalSeconds:0.00} s, {portRate:N0} mentions/s, {port.Cpu.TotalSeconds:0.00} CPU-s ({portCpu:0.00} CPU-us/mention; {negative:N0} negative)"));

        NpmVader.Throughput? npm = null;
        if (args.Contains("--no-npm") || npmCount <= 0)
        {
            Console.WriteLine("VADER, npm vader-sentiment: skipped (--no-npm)");
        }
        else if (NpmVader.Find(FindUp("."), out var reason) is not { } npmVader)
        {
            Console.WriteLine($"VADER, npm vader-sentiment: skipped ({reason})");
        }
        else
        {
            var texts = inputs.Take(npmCount).Select(i => i.Text).ToList();
            npm = npmVader.Measure(texts, Environment.ProcessorCount);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"VADER, npm {npm.Package} (node, {npm.Workers} worker threads, first {npm.Mentions:N0} of the same texts): {npm.Seconds:0.00} s, {npm.Rate:N0} mentions/s, {npm.CpuSeconds:0.00} CPU-s ({npm.CpuSeconds * 1e6 / npm.Mentions:0.00} CPU-us/mention; {npm.Negative:N0} negative)"));
            Agreement(npmVader, vader, inputs, dataDirectory);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models vs VADER, our C# port: {modelRate / portRate:0.0}x throughput, {portCpu / modelCpu:0.0}x less CPU per mention"));
        if (npm is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"models vs VADER, npm vader-sentiment: {modelRate / npm.Rate:0.0}x throughput, {npm.CpuSeconds * 1e6 / npm.Mentions / modelCpu:0.0}x less CPU per mention"));
        }

        Console.WriteLine($"peak working set during scoring {Mb(peak)} MB");
        return Task.FromResult(0);
    }

    /// <summary>
    /// How closely the npm package and our port agree: on the texts of VADER's own ground-truth sets (shared data)
    /// and on the first benchmark texts. Labels use the published ±0.05 compound thresholds.
    /// </summary>
    private static void Agreement(NpmVader npm, VaderAnalyzer port, List<ScoringInput> inputs, string dataDirectory)
    {
        List<string> groundTruth = Directory.Exists(Path.Combine(dataDirectory, "vader"))
            ? Directory.GetFiles(Path.Combine(dataDirectory, "vader"), "*_GroundTruth.txt").Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines)
                .Select(l => l.Split('\t', 3))
                .Where(f => f.Length == 3 && f[2].Length > 0)
                .Select(f => f[2])
                .ToList()
            : new List<string>();
        foreach (var (name, texts) in new[] { ("VADER ground-truth texts", groundTruth), ("benchmark texts", inputs.Take(5_000).Select(i => i.Text).ToList()) })
        {
            if (texts.Count == 0)
            {
                continue;
            }

            var theirs = npm.Compounds(texts);
            int sameLabel = 0, within = 0;
            var largest = 0.0;
            for (var i = 0; i < texts.Count; i++)
            {
                var ours = port.PolarityScores(texts[i]);
                var difference = Math.Abs(ours.Compound - theirs[i]);
                largest = Math.Max(largest, difference);
                within += difference <= 0.001 ? 1 : 0;
                sameLabel += ours.Label == LabelOf(theirs[i]) ? 1 : 0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"npm vader-sentiment vs our port on {texts.Count:N0} {name}: same label {100.0 * sameLabel / texts.Count:0.0}%, compound within 0.001 {100.0 * within / texts.Count:0.0}%, largest difference {largest:0.000}"));
        }
    }

    private static SentimentLabel LabelOf(double compound) =>
        compound >= 0.05 ? SentimentLabel.Positive : compound <= -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral;

    /// <summary>Single-thread cost per mention of each stage (wall and CPU time), to see where the time goes.</summary>
    private static void Breakdown(MentionScorer scorer, List<ScoringInput> inputs, string dataDirectory)
    {
        var model = scorer.Model;
        var scratch = new SocialWatch.Scoring.Features.FeatureScratch();
        var vader = new VaderAnalyzer(VaderLexicon.Load(Path.Combine(dataDirectory, "vader", "vader_lexicon.txt")));
        var n = Math.Min(inputs.Count, 200_000);
        var sink = 0f;
        for (var round = 0; round < 2; round++)
        {
            var featurize = Timed.Run(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    SocialWatch.Scoring.Features.TextFeaturizer.Featurize(inputs[i].Text, model.HashBits, scratch);
                }
            });
            var predict = Timed.Run(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    SocialWatch.Scoring.Features.TextFeaturizer.Featurize(inputs[i].Text, model.HashBits, scratch);
                    sink += model.Predict(scratch).Negative;
                }
            });
            var full = Timed.Run(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    sink += model.Score(inputs[i], scratch).Escalation.Score;
                }
            });
            var batches = Timed.Run(() =>
            {
                for (var start = 0; start < n; start += BatchSize)
                {
                    sink += scorer.Score(inputs.GetRange(start, Math.Min(BatchSize, n - start)))[0].Complaint;
                }
            });
            var vaderCost = Timed.Run(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    sink += (float)vader.PolarityScores(inputs[i].Text).Compound;
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}, per mention (wall us / CPU us): featurize {featurize.PerItem(n)}, featurize + predict {predict.PerItem(n)}, "
                + $"full score incl. escalation {full.PerItem(n)} (one thread); batch API (batches of {BatchSize}, parallel) {batches.PerItem(n)}; "
                + $"VADER port {vaderCost.PerItem(n)} (one thread)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(checksum {sink:0})"));
    }

    internal static List<ScoringInput> Generate(int count)
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

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Resolves a path against the current directory or the nearest parent holding SocialWatch.sln.</summary>
    internal static string FindUp(string relative)
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

    internal static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>Wall time and the process's CPU time (all threads) of one measured action.</summary>
internal readonly record struct Timed(TimeSpan Wall, TimeSpan Cpu)
{
    public static Timed Run(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        wall.Stop();
        process.Refresh();
        return new Timed(wall.Elapsed, process.TotalProcessorTime - cpu);
    }

    public string PerItem(int items) => string.Create(CultureInfo.InvariantCulture,
        $"{Wall.TotalMicroseconds / items:0.00}/{Cpu.TotalMicroseconds / items:0.00}");
}
