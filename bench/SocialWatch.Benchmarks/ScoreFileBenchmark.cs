using System.Globalization;
using System.Text.Json;
using SocialWatch.Scoring.Batch;
using SocialWatch.Scoring.Runtime;

namespace SocialWatch.Benchmarks;

/// <summary>
/// The `score` verb's work end to end (JSONL in, JSONL out, input order) on the scoring benchmark's synthetic
/// mentions written as a JSONL file, with the CPU time of reading and parsing alone beside it.
/// Options: --model &lt;dir&gt;, --count &lt;n&gt; (default 1,000,000), --input &lt;file.jsonl&gt; (default: generated under
/// the temp folder), --runs &lt;n&gt; (default 2).
/// </summary>
internal sealed class ScoreFileBenchmark : IBenchmark
{
    public string Name => "score-file";

    public string Description => "The score verb on a JSONL file: end-to-end wall and CPU time, and reading/parsing alone.";

    public async Task<int> RunAsync(string[] args)
    {
        var modelDirectory = ScoringBenchmark.Option(args, "--model") ?? ScoringBenchmark.FindUp(Path.Combine("models", "current"));
        var count = int.Parse(ScoringBenchmark.Option(args, "--count") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(ScoringBenchmark.Option(args, "--runs") ?? "2", CultureInfo.InvariantCulture);
        var input = ScoringBenchmark.Option(args, "--input") ?? Path.Combine(Path.GetTempPath(), $"socialwatch-score-{count}.jsonl");
        if (!File.Exists(input))
        {
            WriteInput(input, count);
        }

        var output = Path.Combine(Path.GetTempPath(), $"socialwatch-score-{Environment.ProcessId}.out.jsonl");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cores: {Environment.ProcessorCount}, server GC: {System.Runtime.GCSettings.IsServerGC}, input {input} ({new FileInfo(input).Length / (1024.0 * 1024.0):0} MB)"));
        var scorer = MentionScorer.Load(modelDirectory);
        var runner = new ScoreFileRunner(scorer);
        try
        {
            for (var run = 0; run < runs; run++)
            {
                var reading = Timed.Run(() =>
                {
                    using var stream = File.OpenRead(input);
                    var records = 0;
                    foreach (var _ in InputReaders.Read(stream, csv: false, _ => { }))
                    {
                        records++;
                    }
                });
                var parsing = Timed.Run(() =>
                {
                    using var stream = File.OpenRead(input);
                    foreach (var record in InputReaders.Read(stream, csv: false, _ => { }))
                    {
                        record.Parse();
                    }
                });

                ScoreFileResult? result = null;
                var problems = 0;
                var whole = await TimedAsync(async () => result = await runner.RunAsync(input, output, _ => problems++, null, CancellationToken.None));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: score verb {result!.Records:N0} lines ({problems} problems) in {whole.Wall.TotalSeconds:0.00} s = {result.Records / whole.Wall.TotalSeconds:N0} mentions/s, "
                    + $"{whole.Cpu.TotalSeconds:0.00} CPU-s ({whole.Cpu.TotalMicroseconds / result.Records:0.00} CPU-us/line); "
                    + $"alone, one thread: reading lines {reading.Cpu.TotalMicroseconds / result.Records:0.00} CPU-us/line, reading + parsing {parsing.Cpu.TotalMicroseconds / result.Records:0.00} CPU-us/line"));
            }
        }
        finally
        {
            File.Delete(output);
        }

        Console.WriteLine($"peak working set {ScoringBenchmark.Mb(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64)} MB");
        return 0;
    }

    private static async Task<Timed> TimedAsync(Func<Task> action)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        await action();
        wall.Stop();
        process.Refresh();
        return new Timed(wall.Elapsed, process.TotalProcessorTime - cpu);
    }

    /// <summary>The scoring benchmark's mentions as `score` input lines, with author, engagement, velocity and history.</summary>
    private static void WriteInput(string path, int count)
    {
        var inputs = ScoringBenchmark.Generate(count);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
        for (var i = 0; i < inputs.Count; i++)
        {
            var m = inputs[i];
            writer.WriteStartObject();
            writer.WriteString("id", "m" + i.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("text", m.Text);
            if (m.Author is { } a)
            {
                writer.WriteStartObject("author");
                writer.WriteString("id", a.Id);
                writer.WriteString("handle", a.Handle);
                writer.WriteNumber("followers", a.Followers);
                writer.WriteBoolean("verified", a.Verified);
                writer.WriteEndObject();
            }

            writer.WriteStartObject("metrics");
            writer.WriteNumber("likes", m.Metrics.Likes);
            writer.WriteNumber("reposts", m.Metrics.Reposts);
            writer.WriteNumber("replies", m.Metrics.Replies);
            writer.WriteNumber("quotes", m.Metrics.Quotes);
            writer.WriteEndObject();
            if (m.Velocity is { } v)
            {
                writer.WriteStartObject("velocity");
                writer.WriteNumber("repostsPerHour", v.RepostsPerHour);
                writer.WriteNumber("engagementPerHour", v.EngagementPerHour);
                if (v.DoublingTime is { } d)
                {
                    writer.WriteNumber("doublingMinutes", d.TotalMinutes);
                }

                writer.WriteEndObject();
            }

            if (m.History is { } h)
            {
                writer.WriteStartObject("history");
                writer.WriteNumber("complaintsLast7Days", h.ComplaintsLast7Days);
                writer.WriteNumber("complaintsLast30Days", h.ComplaintsLast30Days);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset(stream);
        }
    }
}
