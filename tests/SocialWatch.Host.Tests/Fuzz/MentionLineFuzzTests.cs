using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Access;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Workflow;
using SocialWatch.Host.Tests.Web;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;
using SocialWatch.Ingest.Push;
using SocialWatch.Scoring.Batch;

namespace SocialWatch.Host.Tests.Fuzz;

/// <summary>
/// Generated mention lines (huge, negative and NaN-like numbers, odd dates, deep nesting, invalid UTF-8, HTML and SQL
/// text, wrong types, broken JSON) through push, replay and the <c>score</c> verb of the real host. Every case must
/// end in a clear refusal or a stored (or scored) row, never a 5xx or an exception, and the triage queue must still
/// render. The seed is printed; set SOCIALWATCH_FUZZ_SEED to replay a run.
/// </summary>
[TestClass]
public sealed class MentionLineFuzzTests
{
    private const int Cases = 5_000;
    private const int DefaultSeed = 20_261_202;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task GeneratedLines_ThroughPushReplayAndScore_AreStoredOrRefused_NeverCrash_AndTheQueueStillRenders()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SOCIALWATCH_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        TestContext.WriteLine($"fuzz seed {seed} (SOCIALWATCH_FUZZ_SEED={seed} repeats this run)");
        var lines = new MentionLineGenerator(seed).Generate(Cases);
        await using var app = await WebTestApp.StartAsync();
        var key = ApiKeyGenerator.NewKey();
        await app.Services.GetRequiredService<IApiKeyStore>().CreateAsync(
            new ApiKey { Name = "fuzz", Prefix = ApiKeyGenerator.PrefixOf(key), Hash = ApiKeyGenerator.Hash(key), Scopes = [ApiKeyScopes.Push], CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var push = await PushAllAsync(http, lines);
        var replay = await ReplayAllAsync(app, lines);
        var score = await ScoreAllAsync(app, lines);
        var alerted = await AlertOnStoredMentionsAsync(app);
        using var agent = new Web.WebClient(app.BaseAddress);
        await agent.SignInAsync("agent");
        using var triage = await agent.Http.GetAsync("/triage");
        using var rows = await agent.Http.GetAsync("/triage?handler=Rows");
        var charts = new List<HttpStatusCode>();
        foreach (var id in alerted.Take(50))
        {
            using var chart = await agent.Http.GetAsync($"/charts/engagement/{id}.svg");
            charts.Add(chart.StatusCode);
        }
        TestContext.WriteLine($"push:   cases {Cases}, stored {push.Stored}, duplicates {push.Duplicates}, refused {push.Refused}, crashes {push.Crashes.Count}");
        TestContext.WriteLine($"replay: cases {Cases}, stored {replay.Stored}, duplicates {replay.Duplicates}, refused {replay.Invalid}, crashes {(replay.Crash is null ? 0 : 1)}");
        TestContext.WriteLine($"score:  cases {Cases}, scored {score.Scored}, refused {score.Rejected}, crashes {score.Crashes.Count}");

        Assert.IsEmpty(push.Crashes, $"seed {seed}: " + string.Join("\n", push.Crashes.Take(5)));
        Assert.IsNull(replay.Crash, $"seed {seed}: {replay.Crash}");
        Assert.AreEqual(Cases - replay.Blank, replay.Invalid + replay.Stored + replay.Duplicates + replay.Filtered, $"seed {seed}: every replayed line is stored or refused");
        Assert.IsEmpty(score.Crashes, $"seed {seed}: " + string.Join("\n", score.Crashes.Take(5)));
        Assert.IsTrue(push.Stored > 0 && push.Refused > 0, $"seed {seed}: the generator makes both good and bad lines");
        Assert.AreEqual(HttpStatusCode.OK, triage.StatusCode, $"seed {seed}");
        Assert.AreEqual(HttpStatusCode.OK, rows.StatusCode, $"seed {seed}");
        Assert.IsTrue(charts.Count > 0 && charts.All(c => c == HttpStatusCode.OK), $"seed {seed}: engagement charts {string.Join(",", charts)}");
    }

    /// <summary>Raises an alert on each stored mention, the hostile ones first, so the queue has to render what was stored.</summary>
    private static async Task<List<long>> AlertOnStoredMentionsAsync(WebTestApp app)
    {
        var mentions = await app.Services.GetRequiredService<IMentionStore>().GetMentionsAsync(new MentionQuery { Limit = 500 }, CancellationToken.None);
        var alerts = app.Services.GetRequiredService<IAlertStore>();
        var now = DateTimeOffset.UtcNow;
        var ordered = mentions.OrderByDescending(m => m.Mention.Metrics.Total).ThenByDescending(m => m.Mention.CreatedAt).ToList();
        foreach (var mention in ordered)
        {
            // Routing raised alerts for some of them already; a mention has one alert at most, and that one renders too.
            if (await app.Services.GetRequiredService<IWorkflowQueries>().HasAlertForMentionAsync(mention.Id, CancellationToken.None))
            {
                continue;
            }

            await alerts.CreateAsync(
                new NewAlert
                {
                    Kind = AlertKind.Mention,
                    MentionId = mention.Id,
                    Brand = mention.Mention.Brand,
                    Team = "care",
                    Priority = AlertPriority.Urgent,
                    Title = mention.Mention.Text.Length > 80 ? mention.Mention.Text[..80] : mention.Mention.Text,
                    Reasons = [ReasonCodes.Rule("fuzz")],
                    CreatedAt = now,
                    FirstResponseDueAt = now.AddMinutes(45),
                    ResolveDueAt = now.AddHours(8),
                    Actor = "routing",
                },
                CancellationToken.None);
        }

        return [.. ordered.Select(m => m.Id)];
    }

    private static async Task<(int Stored, int Duplicates, int Refused, List<string> Crashes)> PushAllAsync(HttpClient http, IReadOnlyList<byte[]> lines)
    {
        int stored = 0, duplicates = 0, refused = 0;
        var crashes = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            using var content = new ByteArrayContent(lines[i]);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/api/mentions", content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                var accounted = root.GetProperty("stored").GetInt32() + root.GetProperty("duplicates").GetInt32() + root.GetProperty("filtered").GetInt32();
                if (accounted != root.GetProperty("received").GetInt32())
                {
                    crashes.Add($"case {i}: answer does not account for every item: {body}");
                }

                stored += root.GetProperty("stored").GetInt32();
                duplicates += root.GetProperty("duplicates").GetInt32();
            }
            else if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge && body.Length > 0)
            {
                refused++;
            }
            else
            {
                crashes.Add($"case {i}: {(int)response.StatusCode} for {Describe(lines[i])}: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        return (stored, duplicates, refused, crashes);
    }

    private static async Task<(int Stored, int Duplicates, int Filtered, int Invalid, int Blank, string? Crash)> ReplayAllAsync(WebTestApp app, IReadOnlyList<byte[]> lines)
    {
        // One line per case: a case holding a line break would be two lines of a file, so breaks are escaped first.
        var file = string.Join("\n", lines.Select(l => Encoding.UTF8.GetString(l).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)));
        var blank = file.Split('\n').Count(string.IsNullOrWhiteSpace);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<MentionReplay>().ReplayAsync(new StringReader(file), "Acme Air", TextWriter.Null, CancellationToken.None);
            return (result.Stored, result.Duplicates, result.Filtered, result.Invalid, blank, null);
        }
        catch (Exception e)
        {
            return (0, 0, 0, 0, blank, e.ToString());
        }
    }

    private static async Task<(long Scored, long Rejected, List<string> Crashes)> ScoreAllAsync(WebTestApp app, IReadOnlyList<byte[]> lines)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sw-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var input = Path.Combine(directory, "in.jsonl");
            var output = Path.Combine(directory, "out.jsonl");
            await using (var stream = File.Create(input))
            {
                foreach (var line in lines)
                {
                    // Line breaks inside a case would split it; the score verb reads bytes, so invalid UTF-8 stays.
                    await stream.WriteAsync(line.Select(b => b is (byte)'\n' or (byte)'\r' ? (byte)' ' : b).ToArray());
                    stream.WriteByte((byte)'\n');
                }
            }

            var crashes = new List<string>();
            ScoreFileResult result;
            try
            {
                result = await new ScoreFileRunner(app.Services.GetRequiredService<IMentionScorer>()).RunAsync(input, output, _ => { }, null, CancellationToken.None);
            }
            catch (Exception e)
            {
                return (0, 0, [e.ToString()]);
            }

            var outputLines = await File.ReadAllLinesAsync(output);
            if (outputLines.Length != result.Records)
            {
                crashes.Add($"{outputLines.Length} output lines for {result.Records} records");
            }

            foreach (var line in outputLines)
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.TryGetProperty("error", out _))
                {
                    continue;
                }

                var score = root.GetProperty("escalation").GetProperty("score").GetDouble();
                if (!(score is >= 0 and <= 1))
                {
                    crashes.Add($"escalation score {score} in {line}");
                }
            }

            return (result.Scored, result.Rejected, crashes);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Describe(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line);
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
