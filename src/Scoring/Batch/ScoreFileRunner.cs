using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Scoring.Batch;

/// <summary>Progress of a file run: bytes of input consumed and records written so far.</summary>
public readonly record struct FileProgress(long BytesRead, long TotalBytes, long Records);

/// <summary>Outcome of scoring a file.</summary>
public sealed record ScoreFileResult(long Records, long Scored, long Rejected, TimeSpan Elapsed)
{
    public double MentionsPerSecond => Elapsed.TotalSeconds > 0 ? Scored / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// The `score` verb: reads JSONL or CSV, scores in batches, writes one JSONL line per input record in input order.
/// A bad record (invalid JSON, missing text, oversized text, malformed CSV row) gets an error line in the output
/// and a message naming its line; the rest of the file is still scored.
/// </summary>
/// <param name="time">The clock that bounds post dates (a line dated more than a day ahead is refused); the system clock when null.</param>
public sealed class ScoreFileRunner(IMentionScorer scorer, TimeProvider? time = null)
{
    private const int BatchSize = 4_096;
    private const int WriteRun = 512;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // The default encoder escapes <, >, &, quotes and non-ASCII: text from strangers stays inert wherever it is pasted.
        Encoder = JavaScriptEncoder.Default,
        SkipValidation = true,
    };

    /// <summary>
    /// Refuses, before anything is opened or any model loaded, what would end in an exception half-way: a missing
    /// input, an output that is the input (it would be truncated before it is read), an output that is a folder, or
    /// an output folder that does not exist (a mistyped path is not silently created).
    /// </summary>
    public static void CheckPaths(string inputPath, string outputPath)
    {
        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException($"Input file '{inputPath}' does not exist.", inputPath);
        }

        var output = Path.GetFullPath(outputPath);
        if (Directory.Exists(output) || Path.EndsInDirectorySeparator(outputPath))
        {
            throw new InvalidDataException($"Output '{outputPath}' is a folder; name the file to write, e.g. {Path.Combine(outputPath, "scores.jsonl")}.");
        }

        if (string.Equals(ResolveLinks(Path.GetFullPath(inputPath)), ResolveLinks(output), StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Output '{outputPath}' is the input file; writing it would erase the mentions before they are read. Write to another file.");
        }

        var folder = Path.GetDirectoryName(output);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Output folder '{folder}' does not exist; create it first.");
        }
    }

    private static string ResolveLinks(string path) =>
        File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : path;

    public async Task<ScoreFileResult> RunAsync(
        string inputPath,
        string outputPath,
        Action<string> onProblem,
        IProgress<FileProgress>? progress,
        CancellationToken cancellationToken)
    {
        CheckPaths(inputPath, outputPath);
        var stopwatch = Stopwatch.StartNew();
        await using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var total = input.Length;
        if (total == 0)
        {
            throw new InvalidDataException($"Input file '{inputPath}' is empty: nothing to score.");
        }

        await using var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        long records = 0, scored = 0, rejected = 0;
        var batch = new List<RawRecord>(BatchSize);
        foreach (var record in InputReaders.Read(input, InputReaders.IsCsv(inputPath), onProblem))
        {
            batch.Add(record);
            if (batch.Count == BatchSize)
            {
                var (s, r) = await ScoreBatchAsync(batch, output, onProblem, cancellationToken);
                scored += s;
                rejected += r;
                records += batch.Count;
                batch.Clear();
                progress?.Report(new FileProgress(input.Position, total, records));
            }
        }

        if (batch.Count > 0)
        {
            var (s, r) = await ScoreBatchAsync(batch, output, onProblem, cancellationToken);
            scored += s;
            rejected += r;
            records += batch.Count;
        }

        await output.FlushAsync(cancellationToken);
        progress?.Report(new FileProgress(total, total, records));
        if (records == 0)
        {
            throw new InvalidDataException($"Input file '{inputPath}' has no records: nothing to score.");
        }

        return new ScoreFileResult(records, scored, rejected, stopwatch.Elapsed);
    }

    private async Task<(long Scored, long Rejected)> ScoreBatchAsync(
        List<RawRecord> batch, Stream output, Action<string> onProblem, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var parsed = new ParsedMention[batch.Count];
        var now = (time ?? TimeProvider.System).GetUtcNow();
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => parsed[i] = batch[i].Parse(now));

        var inputs = new List<ScoringInput>(batch.Count);
        var positions = new int[batch.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            if (parsed[i].Mention is { } m)
            {
                positions[i] = inputs.Count;
                inputs.Add(m.Input);
            }
            else
            {
                positions[i] = -1;
                onProblem(parsed[i].Error ?? $"line {parsed[i].Line}: rejected");
            }
        }

        var scores = scorer.Score(inputs);

        // Contiguous runs of lines are written in parallel, each into its own buffer, then the buffers go out in order.
        var runs = new ArrayBufferWriter<byte>[(parsed.Length + WriteRun - 1) / WriteRun];
        Parallel.For(
            0,
            runs.Length,
            new ParallelOptions { CancellationToken = cancellationToken },
            r =>
            {
                var end = Math.Min(parsed.Length, (r + 1) * WriteRun);
                var buffer = new ArrayBufferWriter<byte>((end - (r * WriteRun)) * 384);
                using var writer = new Utf8JsonWriter(buffer, s_writerOptions);
                for (var i = r * WriteRun; i < end; i++)
                {
                    if (positions[i] >= 0)
                    {
                        WriteScore(writer, parsed[i].Id, scores[positions[i]]);
                    }
                    else
                    {
                        WriteError(writer, parsed[i]);
                    }

                    writer.Flush();
                    buffer.Write("\n"u8);
                    writer.Reset(buffer);
                }

                runs[r] = buffer;
            });

        foreach (var run in runs)
        {
            await output.WriteAsync(run.WrittenMemory, cancellationToken);
        }

        return (inputs.Count, parsed.Length - inputs.Count);
    }

    internal static void WriteScore(Utf8JsonWriter w, string? id, MentionScore score)
    {
        w.WriteStartObject();
        WriteId(w, id);
        w.WriteStartObject("sentiment");
        w.WriteString("label", Lower(score.Sentiment.Label));
        WriteRounded(w, "negative"u8, score.Sentiment.Negative);
        WriteRounded(w, "neutral"u8, score.Sentiment.Neutral);
        WriteRounded(w, "positive"u8, score.Sentiment.Positive);
        w.WriteEndObject();
        WriteRounded(w, "complaint"u8, score.Complaint);
        w.WriteStartObject("escalation");
        WriteRounded(w, "score"u8, score.Escalation.Score);
        w.WriteString("level", Lower(score.Escalation.Level));
        // "reasons" stays an array of display strings (the external contract); the codes beside it are what to count.
        w.WriteStartArray("reasons");
        foreach (var reason in score.Escalation.Reasons)
        {
            w.WriteStringValue(reason.Text);
        }

        w.WriteEndArray();
        w.WriteStartArray("reasonCodes");
        foreach (var reason in score.Escalation.Reasons)
        {
            w.WriteStringValue(reason.Code);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter w, ParsedMention record)
    {
        w.WriteStartObject();
        WriteId(w, record.Id);
        w.WriteNumber("line", record.Line);
        w.WriteString("error", record.Error);
        w.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter w, string? id)
    {
        if (id is null)
        {
            w.WriteNull("id");
        }
        else
        {
            w.WriteString("id", id);
        }
    }

    private static double Round(float v) => Math.Round(v, 4);

    /// <summary>
    /// Writes Math.Round(<paramref name="v"/>, 4) as WriteNumber would (shortest round-trip text), without the general
    /// double formatter: a value of at most four decimals in 0..1 prints as its digits with trailing zeros trimmed.
    /// </summary>
    internal static void WriteRounded(Utf8JsonWriter w, ReadOnlySpan<byte> name, float v)
    {
        var rounded = Round(v);
        var tenThousandths = Math.Round(rounded * 10_000);
        if (!(rounded >= 0 && rounded <= 1) || double.IsNegative(rounded) || tenThousandths / 10_000 != rounded)
        {
            w.WriteNumber(name, rounded);
            return;
        }

        var k = (int)tenThousandths;
        Span<byte> text = stackalloc byte[6];
        int length;
        if (k == 10_000)
        {
            text[0] = (byte)'1';
            length = 1;
        }
        else if (k == 0)
        {
            text[0] = (byte)'0';
            length = 1;
        }
        else
        {
            text[0] = (byte)'0';
            text[1] = (byte)'.';
            text[2] = (byte)('0' + (k / 1000));
            text[3] = (byte)('0' + (k / 100 % 10));
            text[4] = (byte)('0' + (k / 10 % 10));
            text[5] = (byte)('0' + (k % 10));
            length = 6;
            while (text[length - 1] == (byte)'0')
            {
                length--;
            }
        }

        w.WritePropertyName(name);
        w.WriteRawValue(text[..length], skipInputValidation: true);
    }

    private static string Lower(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => "negative",
        SentimentLabel.Neutral => "neutral",
        _ => "positive",
    };

    private static string Lower(EscalationLevel level) => level switch
    {
        EscalationLevel.Low => "low",
        EscalationLevel.Medium => "medium",
        EscalationLevel.High => "high",
        _ => "critical",
    };
}
