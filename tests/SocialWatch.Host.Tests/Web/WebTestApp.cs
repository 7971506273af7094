using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialWatch.Core.Access;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Teams;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// The real SocialWatch web host on a temporary SQLite file, listening on a free 127.0.0.1 port, with the demo
/// accounts agent, pr, manager and admin.
/// </summary>
internal sealed class WebTestApp : IAsyncDisposable
{
    public const string Password = "demo-password-123";

    private static readonly Reason[] s_reasons =
        [new Reason(ReasonCodes.LegalThreat, "legal threat", 1f), new Reason(ReasonCodes.AuthorReach, "author reach 48k", 0.34f)];

    private readonly WebApplication _app;
    private readonly string _directory;

    private WebTestApp(WebApplication app, string directory, Uri baseAddress)
    {
        _app = app;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The SocialWatch database of this app, for a second app on the same data.</summary>
    public string ConnectionString => _app.Configuration["ConnectionStrings:SocialWatch"]!;

    public IServiceProvider Services => _app.Services;

    public static async Task<WebTestApp> StartAsync(params string[] extraArgs)
    {
        var directory = Path.Combine(Path.GetTempPath(), "socialwatch-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var app = await WebHostComposition.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            "--Storage:Provider", "Sqlite",
            "--ConnectionStrings:SocialWatch", $"Data Source={Path.Combine(directory, "socialwatch.db")}",
            "--Hangfire:Storage", "InMemory",
            "--Host:Worker", "false",
            "--Web:DemoUsers:Enabled", "true",
            "--Web:DemoUsers:Password", Password,
            "--Logging:LogLevel:Default", "Warning",
            "--Smtp:Host", "127.0.0.1",
            "--Smtp:Port", "25",
            "--Smtp:From", "socialwatch@example.com",
            "--Digests:AppBaseUrl", "http://127.0.0.1/",

            // Each host its own model cache, as on separate machines.
            "--Scoring:ModelCacheDirectory", Path.Combine(directory, "models"),

            // Every test signs in from 127.0.0.1, many times a minute; the sign-in throttle tests set their own limits.
            "--Web:SignIn:PerAddressLimit", "100000",
            "--Web:SignIn:PerAccountLimit", "100000",
            .. extraArgs,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebTestApp(app, directory, new Uri(address));
    }

    /// <summary>Stores a scored mention and raises an alert for it, as ingest and routing would.</summary>
    /// <param name="metrics">Counters as stored; defaults to a modest post. Rows written before the input bounds may hold anything.</param>
    public async Task<Alert> AddAlertAsync(
        string text, string team = "care", string brand = "Acme Air", string source = "x", AlertPriority priority = AlertPriority.High,
        string? url = "https://x.example/status/1", EngagementMetrics? metrics = null, long followers = 48_200, DateTimeOffset? createdAt = null)
    {
        var mentions = Services.GetRequiredService<IMentionStore>();
        var alerts = Services.GetRequiredService<IAlertStore>();
        var now = DateTimeOffset.UtcNow;
        var externalId = Guid.NewGuid().ToString("N");
        var mention = new Mention
        {
            Source = source,
            ExternalId = externalId,
            Brand = brand,
            Text = text,
            Author = new MentionAuthor("author-" + externalId[..6], "angry_flyer", "Angry <b>Flyer</b>", followers, Verified: true),
            Metrics = metrics ?? new EngagementMetrics(120, 45, 30, 8),
            Url = url,
            Language = "en",
            CreatedAt = createdAt ?? now.AddMinutes(-20),
            IngestedAt = now.AddMinutes(-19),
        };
        var score = new MentionScore(
            new SentimentScore(SentimentLabel.Negative, 0.91f, 0.06f, 0.03f),
            0.88f,
            new EscalationScore(0.82f, EscalationLevel.High, s_reasons),
            "test-1");
        var stored = await mentions.StoreBatchAsync(new IngestBatch($"{brand}:{source}:{externalId}", [new ScoredMention(mention, score)], "c1", null), CancellationToken.None);
        return await alerts.CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Mention,
                MentionId = stored.Inserted[0].Id,
                Brand = brand,
                Team = team,
                Priority = priority,
                Title = text.Length > 80 ? text[..80] : text,
                Reasons = s_reasons,
                CreatedAt = now,
                FirstResponseDueAt = now.AddMinutes(45),
                ResolveDueAt = now.AddHours(8),
                Actor = "routing",
            },
            CancellationToken.None);
    }

    public async Task AddTeamAsync(string name, params string[] members) =>
        await Services.GetRequiredService<ITeamStore>().SaveAsync(
            new TeamProfile { Name = name, Members = [.. members.Select(m => new TeamMember(m, null, 20))] }, "test", CancellationToken.None);

    /// <summary>Creates an active API key with <paramref name="scopes"/> and gives back the key itself.</summary>
    public async Task<string> CreateApiKeyAsync(string name, params string[] scopes)
    {
        var key = ApiKeyGenerator.NewKey();
        await Services.GetRequiredService<IApiKeyStore>().CreateAsync(
            new ApiKey { Name = name, Prefix = ApiKeyGenerator.PrefixOf(key), Hash = ApiKeyGenerator.Hash(key), Scopes = scopes, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None);
        return key;
    }

    public Task<WebUser?> FindUserAsync(string userName) => Services.GetRequiredService<IUserStore>().FindAsync(userName, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned by the OS.
        }
    }
}
