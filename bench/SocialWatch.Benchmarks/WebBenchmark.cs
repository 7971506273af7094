using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SocialWatch.Alerts;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Insights;
using SocialWatch.Host.Composition;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Charts;
using SocialWatch.TestSupport;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Server time of the triage page and the escalation dashboard on the embedded default (SQLite) holding
/// a million mentions and ten thousand open alerts. Server time is read from the Server-Timing header the web
/// writes when the response starts; the client-side round trip over loopback is printed beside it.
/// Options: --mentions N (default 1,000,000), --alerts N (default 10,000), --requests N (default 50), --keep DIR
/// (SQLite: keep and reuse the database), --postgresql (a throwaway PostgreSQL database instead of SQLite).
/// </summary>
internal sealed partial class WebBenchmark : IBenchmark
{
    private const string Password = "bench-password-123";

    private static readonly string[] Brands = ["Acme Air", "Acme Rail", "Globex", "Initech", "Umbrella"];
    private static readonly string[] Sources = ["x", "reddit", "bluesky", "mastodon", "rss"];
    private static readonly string[] Teams = ["care", "vip", "legal"];
    private static readonly string[] States = ["New", "Acknowledged", "Responded"];

    private static readonly string[] Reasons =
    [
        "legal threat", "safety", "churn", "media contact", "discrimination", "blame and accusation", "intensity", "author reach",
    ];

    public string Name => "web";

    public string Description => "triage page and dashboard server time with 1M mentions and 10k open alerts (SQLite)";

    public async Task<int> RunAsync(string[] args)
    {
        var mentions = Option(args, "--mentions", 1_000_000);
        var alerts = Option(args, "--alerts", 10_000);
        var requests = Option(args, "--requests", 50);
        if (args.Contains("--postgresql"))
        {
            return await RunPostgreSqlAsync(mentions, alerts, requests);
        }

        var directory = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault()
            ?? Path.Combine(Path.GetTempPath(), "socialwatch-webbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "socialwatch.db");

        var app = await BuildAsync("Sqlite", $"Data Source={database}");
        try
        {
            var seed = Stopwatch.StartNew();
            var seeded = await CountAsync(database) < mentions;
            if (seeded)
            {
                await SeedAsync(database, mentions, alerts);
            }

            var how = seeded ? $"seeded in {seed.Elapsed.TotalSeconds:0.0} s" : "kept from an earlier run";
            Console.WriteLine($"SQLite database: {await CountAsync(database):N0} mentions, {await CountOpenAlertsAsync(database):N0} open alerts ({how}) at {database}");
            await app.StartAsync();
            await MeasureAppAsync(app, requests);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            if (!args.Contains("--keep"))
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>The same measurements on a throwaway PostgreSQL database (local binaries, see TestSupport).</summary>
    private static async Task<int> RunPostgreSqlAsync(int mentions, int alerts, int requests)
    {
        var server = await PostgresServer.StartSharedAsync();
        var name = "webbench_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = await server.CreateDatabaseAsync(name);
        var app = await BuildAsync("PostgreSql", connectionString);
        try
        {
            var seed = Stopwatch.StartNew();
            await SeedPostgreSqlAsync(connectionString, mentions, alerts);
            Console.WriteLine($"PostgreSQL database: {mentions:N0} mentions, {alerts:N0} open alerts (seeded in {seed.Elapsed.TotalSeconds:0.0} s)");
            await app.StartAsync();
            await MeasureAppAsync(app, requests);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await server.DropDatabaseAsync(name);
            await PostgresServer.StopSharedAsync();
        }
    }

    private static async Task MeasureAppAsync(WebApplication app, int requests)
    {
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var agent = await SignInAsync(address, "agent");
        using var pr = await SignInAsync(address, "pr");
        Console.WriteLine($"{requests} requests each after 5 warm-up requests; times in ms (server = Server-Timing, client = loopback round trip)");
        Console.WriteLine($"{"page",-34} {"server p50",10} {"p95",8} {"max",8} {"client p50",11} {"p95",8}");
        await MeasureAsync(agent, "/triage", requests);
        await MeasureAsync(agent, "/triage?source=reddit&level=High", requests);
        await MeasureAsync(agent, "/triage?handler=Rows", requests);

        // The saved views, search and a later page (the token read from the first page's "Next" link).
        await MeasureAsync(agent, "/triage?view=Mine", requests);
        await MeasureAsync(agent, "/triage?view=Unassigned", requests);
        await MeasureAsync(agent, "/triage?view=Breached", requests);
        await MeasureAsync(agent, "/triage?view=DueSoon", requests);
        await MeasureAsync(agent, "/triage?sort=Risk", requests);
        await MeasureNextPageAsync(agent, "/triage", requests, "/triage?after=(page 2)");
        await MeasureAsync(agent, "/triage?q=nobody%20at%20the%20desk", requests);
        await MeasureAsync(agent, "/triage?q=no%20such%20words", requests);
        await MeasureAsync(agent, "/triage?view=Resolved", requests);
        await MeasureNextPageAsync(agent, "/triage?view=Resolved", requests, "/triage?view=Resolved&after=(2)");
        await MeasureAsync(agent, "/triage?view=Dismissed", requests);
        await MeasureAsync(agent, "/triage?view=Resolved&q=no%20such%20words", Math.Min(requests, 10));
        await MeasureAsync(pr, "/dashboard", requests);
        await MeasureAsync(pr, "/dashboard?handler=Tables", requests);
        await MeasureAsync(pr, "/charts/volume.svg", requests);
        await MeasureAsync(pr, "/charts/negative.svg", requests);
        await MeasureAsync(pr, "/charts/sources.svg", requests);
        await MeasureAsync(pr, "/charts/reasons.svg", requests);
        await MeasureAsync(pr, "/charts/sla.svg", requests);

        // The chart endpoints share a drawn chart for a few seconds, so the figures above are mostly cache hits;
        // these are the queries plus drawing, uncached, as every cache expiry pays them.
        Console.WriteLine($"{"chart drawn uncached (query + SVG)",-34} {"p50",10} {"p95",8} {"max",8}");
        await MeasureChartsAsync(app.Services, Math.Min(requests, 20));
    }

    private static async Task<WebApplication> BuildAsync(string provider, string connectionString)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--applicationName", typeof(WebRegistration).Assembly.GetName().Name!,
            "--Storage:Provider", provider,
            "--ConnectionStrings:SocialWatch", connectionString,
            "--Hangfire:Storage", "InMemory",
            "--Host:Worker", "false",
            "--Web:DemoUsers:Enabled", "true",
            "--Web:DemoUsers:Password", Password,
            "--Web:DemoUsers:AllowOnSharedDatabase", "true",

            // A throwaway database: the key ring kept in it needs no encryption (Production refuses plain keys otherwise).
            "--DataProtection:AllowUnencryptedKeys", "true",
            "--Logging:LogLevel:Default", "Warning",
        ];
        var builder = SocialWatchApp.CreateBuilder(args);
        SocialWatchApp.AddServices(builder);
        if (!builder.Services.Any(s => s.ServiceType == typeof(IAlertEventStream)))
        {
            builder.Services.AddSocialWatchAlerts(builder.Configuration);
        }

        builder.Services.TryAddSingleton<IEmailSender, DiscardingEmailSender>();
        builder.Services.AddSocialWatchWeb(builder.Configuration);
        var app = builder.Build();
        await SocialWatchApp.ConfigureAsync(app);
        await app.UseSocialWatchWebAsync();
        return app;
    }

    private static async Task SeedAsync(string database, int mentionCount, int alertCount)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var nowMs = now.ToUnixTimeMilliseconds();
        var span = (long)TimeSpan.FromDays(30).TotalMilliseconds;
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using (var transaction = connection.BeginTransaction())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO mentions (source, external_id, brand, text, author_id, author_handle, author_display_name, author_followers,
                    author_verified, likes, reposts, replies, quotes, url, lang, created_at, ingested_at, sentiment, p_negative, p_neutral,
                    p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
                VALUES ($source, $externalId, $brand, $text, $authorId, $handle, NULL, $followers, $verified, $likes, $reposts, $replies, $quotes,
                    $url, 'en', $createdAt, $createdAt, $sentiment, $neg, $neu, $pos, $complaint, $score, $level, $reasons, 'bench')
                """;
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "source", "externalId", "brand", "text", "authorId", "handle", "followers", "verified", "likes", "reposts", "replies", "quotes", "url", "createdAt", "sentiment", "neg", "neu", "pos", "complaint", "score", "level", "reasons" })
            {
                p[name] = insert.Parameters.Add(new SqliteParameter("$" + name, null));
            }

            insert.Prepare();
            for (var i = 0; i < mentionCount; i++)
            {
                var sentimentRoll = random.NextDouble();
                var sentiment = sentimentRoll < 0.3 ? "Negative" : sentimentRoll < 0.7 ? "Neutral" : "Positive";
                var score = random.NextDouble();
                p["source"].Value = Sources[random.Next(Sources.Length)];
                p["externalId"].Value = i.ToString(CultureInfo.InvariantCulture);
                p["brand"].Value = Brands[random.Next(Brands.Length)];
                p["text"].Value = $"Mention {i}: the flight was delayed again and nobody at the desk could tell us why. <b>#{i % 97}</b>";
                var author = random.Next(200_000);
                p["authorId"].Value = "a" + author.ToString(CultureInfo.InvariantCulture);
                p["handle"].Value = "user" + author.ToString(CultureInfo.InvariantCulture);
                p["followers"].Value = (long)Math.Pow(10, random.NextDouble() * 6);
                p["verified"].Value = random.Next(50) == 0 ? 1 : 0;
                p["likes"].Value = random.Next(500);
                p["reposts"].Value = random.Next(100);
                p["replies"].Value = random.Next(50);
                p["quotes"].Value = random.Next(20);
                p["url"].Value = $"https://social.example/{i}";
                p["createdAt"].Value = nowMs - (long)(random.NextDouble() * span);
                p["sentiment"].Value = sentiment;
                p["neg"].Value = sentiment == "Negative" ? 0.8 : 0.1;
                p["neu"].Value = sentiment == "Neutral" ? 0.8 : 0.1;
                p["pos"].Value = sentiment == "Positive" ? 0.8 : 0.1;
                p["complaint"].Value = random.NextDouble();
                p["score"].Value = score;
                p["level"].Value = score switch { < 0.4 => "Low", < 0.7 => "Medium", < 0.9 => "High", _ => "Critical" };
                p["reasons"].Value = $"[\"{Reasons[random.Next(Reasons.Length)]}\",\"{Reasons[random.Next(Reasons.Length)]}\"]";
                await insert.ExecuteNonQueryAsync();
            }

            await using var alert = connection.CreateCommand();
            alert.Transaction = transaction;
            alert.CommandText = """
                INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to, created_at, updated_at,
                    first_response_due_at, resolve_due_at, first_responded_at, version, escalation_score)
                SELECT 'Mention', m.id, m.brand, $team, $priority, $state, 1, substr(m.text, 1, 80), m.reasons, NULL, $createdAt, $createdAt,
                    $firstDue, $resolveDue, CASE WHEN $state = 'Responded' THEN $createdAt ELSE NULL END, 1, m.escalation_score
                FROM mentions m WHERE m.id = $mentionId
                """;
            var a = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "team", "priority", "state", "createdAt", "firstDue", "resolveDue", "mentionId" })
            {
                a[name] = alert.Parameters.Add(new SqliteParameter("$" + name, null));
            }

            alert.Prepare();
            var used = new HashSet<long>();
            while (used.Count < alertCount)
            {
                var mentionId = 1 + (long)random.Next(mentionCount);
                if (!used.Add(mentionId))
                {
                    continue;
                }

                var created = nowMs - random.Next((int)TimeSpan.FromHours(12).TotalMilliseconds);
                a["team"].Value = Teams[random.Next(Teams.Length)];
                a["priority"].Value = random.Next(4);
                a["state"].Value = States[random.Next(States.Length)];
                a["createdAt"].Value = created;
                a["firstDue"].Value = created + random.Next((int)TimeSpan.FromHours(4).TotalMilliseconds);
                a["resolveDue"].Value = created + random.Next((int)TimeSpan.FromHours(24).TotalMilliseconds);
                a["mentionId"].Value = mentionId;
                await alert.ExecuteNonQueryAsync();
            }

            // Closed work, three times the open queue: what the Resolved and Dismissed views page through.
            await using var closed = connection.CreateCommand();
            closed.Transaction = transaction;
            closed.CommandText = """
                INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to, created_at, updated_at,
                    first_response_due_at, resolve_due_at, first_responded_at, resolved_at, version, escalation_score)
                SELECT 'Mention', m.id, m.brand, CASE m.id % 3 WHEN 0 THEN 'care' WHEN 1 THEN 'vip' ELSE 'legal' END, m.id % 4,
                    CASE WHEN m.id % 5 = 0 THEN 'Dismissed' ELSE 'Resolved' END, 0, substr(m.text, 1, 80), m.reasons, 'agent',
                    m.created_at, m.created_at + 3600000, m.created_at + 1800000, m.created_at + 86400000, m.created_at + 600000,
                    CASE WHEN m.id % 5 = 0 THEN NULL ELSE m.created_at + 3600000 END, 4, m.escalation_score
                FROM mentions m WHERE m.id % 7 = 0
                LIMIT $closed
                """;
            closed.Parameters.Add(new SqliteParameter("$closed", alertCount * 3L));
            await closed.ExecuteNonQueryAsync();

            await using var spikes = connection.CreateCommand();
            spikes.Transaction = transaction;
            spikes.CommandText = """
                INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, created_at, updated_at, version)
                VALUES ('Spike', NULL, 'Acme Air', 'care', 2, 'Resolved', 0, 'Volume spike', '["volume 4x baseline"]', $at, $at, 2)
                """;
            var at = spikes.Parameters.Add(new SqliteParameter("$at", null));
            foreach (var hoursAgo in new[] { 30, 7 })
            {
                at.Value = nowMs - (long)TimeSpan.FromHours(hoursAgo).TotalMilliseconds;
                await spikes.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task SeedPostgreSqlAsync(string connectionString, int mentionCount, int alertCount)
    {
        const string mentionsSql = """
            INSERT INTO mentions (source, external_id, brand, text, author_id, author_handle, author_followers, author_verified,
                likes, reposts, replies, quotes, url, lang, created_at, ingested_at, sentiment, p_negative, p_neutral, p_positive,
                complaint, escalation_score, escalation_level, reasons, model_version)
            SELECT (ARRAY['x','reddit','bluesky','mastodon','rss'])[1 + i % 5], i::text,
                   (ARRAY['Acme Air','Acme Rail','Globex','Initech','Umbrella'])[1 + (i / 5) % 5],
                   'Mention ' || i || ': the flight was delayed again and nobody at the desk could tell us why.',
                   'a' || (i * 7919 % 200000), 'user' || (i * 7919 % 200000), (10 ^ (r.f * 6))::bigint, r.f < 0.02,
                   (r.e * 500)::int, (r.e * 100)::int, (r.e * 50)::int, (r.e * 20)::int, 'https://social.example/' || i, 'en',
                   now() - r.t * interval '30 days', now() - r.t * interval '30 days',
                   CASE WHEN r.s < 0.3 THEN 'Negative' WHEN r.s < 0.7 THEN 'Neutral' ELSE 'Positive' END, 0.1, 0.1, 0.1, r.c, r.e,
                   CASE WHEN r.e < 0.4 THEN 'Low' WHEN r.e < 0.7 THEN 'Medium' WHEN r.e < 0.9 THEN 'High' ELSE 'Critical' END,
                   '["' || (ARRAY['legal threat','safety','churn','media contact','intensity'])[1 + i % 5] || '"]', 'bench'
            FROM generate_series(1::bigint, @mentionCount) AS i
            CROSS JOIN LATERAL (SELECT random() + i * 0 AS f, random() + i * 0 AS e, random() + i * 0 AS t, random() + i * 0 AS s, random() + i * 0 AS c) AS r
            """;
        const string alertsSql = """
            INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, created_at, updated_at,
                first_response_due_at, resolve_due_at, version, escalation_score)
            SELECT 'Mention', m.id, m.brand, (ARRAY['care','vip','legal'])[1 + m.id % 3], (m.id % 4)::smallint,
                   (ARRAY['New','Acknowledged','Responded'])[1 + m.id % 3], true, left(m.text, 80), m.reasons,
                   now() - random() * interval '12 hours', now(), now() + random() * interval '4 hours', now() + random() * interval '24 hours', 1,
                   m.escalation_score
            FROM (SELECT id, brand, text, reasons, escalation_score FROM mentions ORDER BY random() LIMIT @alertCount) AS m
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameter, value) in new[] { (mentionsSql, "mentionCount", mentionCount), (alertsSql, "alertCount", alertCount) })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
            command.Parameters.AddWithValue(parameter, value);
            await command.ExecuteNonQueryAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string database) => await ScalarAsync(database, "SELECT COUNT(*) FROM mentions");

    private static async Task<long> CountOpenAlertsAsync(string database) => await ScalarAsync(database, "SELECT COUNT(*) FROM alerts WHERE is_open = 1");

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string user)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = address };
        var login = await http.GetStringAsync("/login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(login).Groups[1].Value);
        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {user} failed with {(int)response.StatusCode}.");
        }

        return http;
    }

    /// <summary>Measures the page the "Next"/"Older" link of <paramref name="path"/> leads to (the PostgreSQL seed has few closed alerts).</summary>
    private static async Task MeasureNextPageAsync(HttpClient http, string path, int requests, string label)
    {
        var next = NextLinkPattern().Match(await http.GetStringAsync(path));
        if (next.Success)
        {
            await MeasureAsync(http, WebUtility.HtmlDecode(next.Groups[1].Value), requests, label);
        }
        else
        {
            Console.WriteLine($"{label,-34} (one page only)");
        }
    }

    [GeneratedRegex("rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLinkPattern();

    private static async Task MeasureAsync(HttpClient http, string path, int requests, string? label = null)
    {
        var server = new List<double>();
        var client = new List<double>();
        for (var i = 0; i < requests + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
            }

            if (i < 5)
            {
                continue;
            }

            client.Add(watch.Elapsed.TotalMilliseconds);
            var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : "";
            server.Add(double.Parse(ServerTimingPattern().Match(timing).Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Console.WriteLine($"{label ?? path,-34} {Percentile(server, 50),10:0.0} {Percentile(server, 95),8:0.0} {server.Max(),8:0.0} {Percentile(client, 50),11:0.0} {Percentile(client, 95),8:0.0}");
    }

    private static async Task MeasureChartsAsync(IServiceProvider services, int runs)
    {
        var insights = services.GetRequiredService<IInsightsStore>();
        var charts = services.GetRequiredService<DashboardCharts>();
        var now = DateTimeOffset.UtcNow;
        var (since, until) = (now.AddHours(-48), now);
        var draws = new (string Name, Func<Task<string>> Draw)[]
        {
            ("volume", async () => charts.Volume(await insights.GetVolumeAsync(since, until, default), await insights.GetSpikesAsync(since, until, default), since, until)),
            ("negative", async () => charts.NegativeShare(await insights.GetVolumeAsync(since, until, default), since, until)),
            ("sources", async () => charts.Breakdown("Mentions by source", await insights.GetSourceBreakdownAsync(since, until, default))),
            ("reasons", async () => charts.Reasons(await insights.GetReasonBreakdownAsync(10, default))),
            ("sla", async () => charts.Sla(await insights.GetSlaSummaryAsync(now, TimeSpan.FromMinutes(30), default))),
        };
        foreach (var (name, draw) in draws)
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 2; i++)
            {
                var watch = Stopwatch.StartNew();
                var svg = await draw();
                watch.Stop();
                if (!svg.Contains("<svg", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The {name} chart is not an SVG.");
                }

                if (i >= 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            Console.WriteLine($"{name,-34} {Percentile(times, 50),10:0.0} {Percentile(times, 95),8:0.0} {times.Max(),8:0.0}");
        }
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("dur=([0-9.]+)")]
    private static partial Regex ServerTimingPattern();

    private sealed class DiscardingEmailSender : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
