using System.Text.Json;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Batch;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Tests.Support;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ScoreFileRunnerTests
{
    private static readonly string[] s_jsonIds = ["m1", "m2", "m3", "m4", "m5"];
    private static readonly string[] s_csvIds = ["c1", "c2", "c3", "c4", "c5"];
    private static readonly string[] s_labels = ["negative", "neutral", "positive"];
    private static readonly string[] s_levels = ["low", "medium", "high", "critical"];

    private static readonly Lazy<MentionScorer> s_scorer = new(() => MentionScorer.Load(TrainedModelFixture.ModelDirectory));

    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), "sw-score-" + Guid.NewGuid().ToString("N") + extension);

    private static async Task<(ScoreFileResult Result, List<JsonElement> Lines, List<string> Problems)> RunAsync(string input)
    {
        var output = TempFile(".jsonl");
        var problems = new List<string>();
        var result = await new ScoreFileRunner(s_scorer.Value).RunAsync(input, output, problems.Add, null, CancellationToken.None);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (result, lines, problems);
    }

    [TestMethod]
    public async Task RunAsync_LineWithCountsNearTheInt64Limit_GetsAnErrorLine_AndTheOthersAreScoredWithFiniteScores()
    {
        var input = TempFile(".jsonl");
        File.WriteAllLines(input,
        [
            """{"id":"h1","text":"refund now or I call my lawyer","author":{"followers":9223372036854775807},"metrics":{"likes":9223372036854775807,"reposts":9223372036854775807}}""",
            """{"id":"h2","text":"refund now or I call my lawyer","createdAt":"9999-12-31T00:00:00Z"}""",
            """{"id":"h3","text":"refund now","velocity":{"doublingMinutes":1e300}}""",
            """{"id":"h4","text":"refund now or I call my lawyer","author":{"followers":10000000000},"metrics":{"likes":10000000000,"reposts":10000000000,"replies":10000000000,"quotes":10000000000}}""",
        ]);

        var (result, lines, problems) = await RunAsync(input);

        Assert.HasCount(4, lines);
        Assert.AreEqual(1L, result.Scored);
        StringAssert.Contains(lines[0].GetProperty("error").GetString(), "\"metrics.likes\" must be between 0 and 10,000,000,000.");
        StringAssert.Contains(lines[1].GetProperty("error").GetString(), "\"createdAt\"");
        StringAssert.Contains(lines[2].GetProperty("error").GetString(), "\"velocity\"");
        var score = lines[3].GetProperty("escalation").GetProperty("score").GetDouble();
        Assert.IsTrue(score is >= 0 and <= 1, $"score {score}");
        var reasons = string.Join(",", lines[3].GetProperty("escalation").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.IsFalse(reasons.Contains("372036", StringComparison.Ordinal), reasons);
        Assert.HasCount(3, problems);
    }

    [TestMethod]
    public async Task RunAsync_Jsonl_ScoresGoodLines_ReportsBadOnesByLine_AndKeepsOrder()
    {
        var input = TempFile(".jsonl");
        var big = new string('a', 1_048_576);
        File.WriteAllLines(input,
        [
            """{"id":"m1","text":"@acme 3 hours on hold, again","author":{"id":"9","handle":"x","followers":120000,"verified":true},"metrics":{"likes":5,"reposts":2,"replies":0,"quotes":0}}""",
            """{"id":"m2","text": "broken json""",
            """{"id":"m3"}""",
            $$"""{"id":"m4","text":"{{big}}"}""",
            """{"id":"m5","text":"thanks, lovely service <script>alert(1)</script>"}""",
        ]);

        var (result, lines, problems) = await RunAsync(input);

        Assert.HasCount(5, lines);
        CollectionAssert.AreEqual(s_jsonIds, lines.Select(l => l.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual(2L, result.Scored);
        Assert.AreEqual(3L, result.Rejected);
        Assert.IsTrue(problems.Any(p => p.StartsWith("line 2: invalid JSON", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("line 3: \"text\" is required.", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("line 4: \"text\" is 1,048,576 characters", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.AreEqual(2, lines[1].GetProperty("line").GetInt32());
        var first = lines[0];
        var sentiment = first.GetProperty("sentiment");
        CollectionAssert.Contains(s_labels, sentiment.GetProperty("label").GetString());
        var sum = sentiment.GetProperty("negative").GetDouble() + sentiment.GetProperty("neutral").GetDouble() + sentiment.GetProperty("positive").GetDouble();
        Assert.AreEqual(1.0, sum, 1e-3);
        Assert.IsTrue(first.GetProperty("complaint").GetDouble() is >= 0 and <= 1);
        var escalation = first.GetProperty("escalation");
        CollectionAssert.Contains(s_levels, escalation.GetProperty("level").GetString());
        var reasons = escalation.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        var codes = escalation.GetProperty("reasonCodes").EnumerateArray().Select(r => r.GetString()).ToList();
        CollectionAssert.Contains(reasons, "author reach 120k");
        Assert.AreEqual(reasons.IndexOf("author reach 120k"), codes.IndexOf(ReasonCodes.AuthorReach));
        Assert.HasCount(reasons.Count, codes);
    }

    [TestMethod]
    public async Task RunAsync_Csv_ScoresRows_AndNamesTheLineOfABadRow()
    {
        var input = TempFile(".csv");
        File.WriteAllText(input,
            "id,text,author_followers\n" +
            "c1,\"@acme refund please, it's been 3 weeks\",10\n" +
            "c2,,5\n" +
            "c3,\"a quoted text\nover two lines\",7\n" +
            "c4,too,many,fields\n" +
            "c5,thanks for the help,1\n");

        var (result, lines, problems) = await RunAsync(input);

        CollectionAssert.AreEqual(s_csvIds, lines.Select(l => l.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual(3L, result.Scored);
        Assert.IsTrue(problems.Any(p => p.StartsWith("line 3: \"text\" is empty", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("line 6: 4 fields where the header has 3", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(lines[2].TryGetProperty("sentiment", out _), "the multi-line quoted row is scored");
    }

    [TestMethod]
    public async Task RunAsync_CsvWithoutTextColumn_FailsWithAClearMessage()
    {
        var input = TempFile(".csv");
        File.WriteAllText(input, "id,body\n1,hello\n");

        var ex = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => RunAsync(input));

        StringAssert.Contains(ex.Message, "line 1: CSV header must name at least the columns id and text");
    }

    [TestMethod]
    public async Task RunAsync_EmptyFile_FailsWithAClearMessage()
    {
        var input = TempFile(".jsonl");
        File.WriteAllText(input, "");

        var ex = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => RunAsync(input));

        StringAssert.Contains(ex.Message, "is empty");
    }

    [TestMethod]
    public async Task RunAsync_BlankLines_AreReported_AndSkipped()
    {
        var input = TempFile(".jsonl");
        File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"hello\"}\n\n{\"id\":\"b\",\"text\":\"world\"}\n");

        var (result, lines, problems) = await RunAsync(input);

        Assert.HasCount(2, lines);
        Assert.AreEqual(2L, result.Scored);
        CollectionAssert.Contains(problems, "line 2: blank line skipped");
    }

    [TestMethod]
    public async Task RunAsync_ManyLines_KeepsInputOrderAcrossBatches()
    {
        var input = TempFile(".jsonl");
        const int count = 40_000;
        File.WriteAllLines(input, Enumerable.Range(0, count).Select(i => $$"""{"id":"{{i}}","text":"order {{i}} is late, still waiting"}"""));

        var (result, lines, _) = await RunAsync(input);

        Assert.AreEqual((long)count, result.Scored);
        for (var i = 0; i < count; i++)
        {
            Assert.AreEqual(i.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[i].GetProperty("id").GetString());
        }
    }

    [TestMethod]
    public async Task RunAsync_EncodesStrangerText_InOutput()
    {
        var input = TempFile(".jsonl");
        File.WriteAllText(input, "{\"id\":\"<b>x</b>\",\"text\":\"hi\"}\n");
        var output = TempFile(".jsonl");

        await new ScoreFileRunner(s_scorer.Value).RunAsync(input, output, _ => { }, null, CancellationToken.None);

        var raw = File.ReadAllText(output);
        Assert.IsFalse(raw.Contains("<b>", StringComparison.Ordinal), raw);
        Assert.AreEqual("<b>x</b>", JsonDocument.Parse(raw).RootElement.GetProperty("id").GetString());
    }

    [TestMethod]
    public void WriteRounded_WritesWhatWriteNumberWrites_ForProbabilities()
    {
        var values = new List<float> { 0f, -0f, 1f, 1.00001f, -0.00004f, 0.00005f, 0.99995f, float.Epsilon, 2.5f, 12_345.678f };
        values.AddRange(Enumerable.Range(0, 10_001).Select(k => k / 10_000f));
        values.AddRange(Enumerable.Range(0, 10_001).Select(k => (k + 0.5f) / 10_000f));
        var random = new Random(11);
        values.AddRange(Enumerable.Range(0, 200_000).Select(_ => (float)random.NextDouble()));

        foreach (var v in values)
        {
            Assert.AreEqual(Written(w => w.WriteNumber("p", Math.Round(v, 4))), Written(w => ScoreFileRunner.WriteRounded(w, "p"u8, v)), $"{v:R}");
        }
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
