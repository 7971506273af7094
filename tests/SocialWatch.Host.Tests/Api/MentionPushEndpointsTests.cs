using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Api;
using SocialWatch.Ingest;
using SocialWatch.Storage;

namespace SocialWatch.Host.Tests.Api;

[TestClass]
public sealed class MentionPushEndpointsTests : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"socialwatch-push-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private HttpClient? _client;

    [TestInitialize]
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialWatch"] = $"Data Source={_file}",
            ["Ingest:MaxPushBodyBytes"] = "4096",
            ["Brands:0:Name"] = "Acme Air",
            ["Brands:1:Name"] = "Acme Rail",
        });
        builder.Services.AddSocialWatchStorage(builder.Configuration);
        builder.Services.AddSocialWatchIngest(builder.Configuration);
        builder.Services.AddSingleton<IMentionScorer, NeutralScorer>();
        builder.Services.AddSingleton<IOperatorAlerts, NoOperatorAlerts>();
        builder.Services.AddAuthentication("ApiKey").AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>("ApiKey", null);
        builder.Services.AddAuthorization(o => o.AddPolicy("push", p => p.RequireAuthenticatedUser()));
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapMentionPush();
        await _app.Services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyHandler.Key);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task Push_ArrayOfMentions_StoresThem_AndAResendStoresNothingTwice()
    {
        const string body = """
            [{"id":"crm-1","brand":"Acme Air","text":"Called three times, <b>no</b> refund","author":{"handle":"marta","followers":50}},
             {"id":"crm-2","brand":"acme air","text":"Lost bag","url":"https://crm.example/t/2"}]
            """;

        var first = await PostAsync(body);
        var second = await PostAsync(body);

        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        Assert.AreEqual("""{"received":2,"stored":2,"duplicates":0,"filtered":0}""", await first.Content.ReadAsStringAsync());
        Assert.AreEqual("""{"received":2,"stored":0,"duplicates":2,"filtered":0}""", await second.Content.ReadAsStringAsync());
        var stored = await _app!.Services.GetRequiredService<IMentionStore>().FindMentionAsync("push", "crm-1", CancellationToken.None);
        Assert.AreEqual("Called three times, <b>no</b> refund", stored!.Mention.Text, "text is stored as written and encoded where shown");
    }

    [TestMethod]
    public async Task Push_ThePostForTwoBrands_IsStoredForEach_InOneRequestAndAcrossRequests()
    {
        var both = await PostAsync("""
            [{"id":"crm-1","brand":"Acme Air","text":"Acme Air and Acme Rail both lost my bag"},
             {"id":"crm-1","brand":"Acme Rail","text":"Acme Air and Acme Rail both lost my bag"}]
            """);
        var laterForAir = await PostAsync("""{"id":"crm-2","brand":"Acme Air","text":"Acme Air and Acme Rail: late again"}""");
        var laterForRail = await PostAsync("""{"id":"crm-2","brand":"Acme Rail","text":"Acme Air and Acme Rail: late again"}""");

        Assert.AreEqual("""{"received":2,"stored":2,"duplicates":0,"filtered":0}""", await both.Content.ReadAsStringAsync());
        Assert.AreEqual("""{"received":1,"stored":1,"duplicates":0,"filtered":0}""", await laterForAir.Content.ReadAsStringAsync());
        Assert.AreEqual("""{"received":1,"stored":1,"duplicates":0,"filtered":0}""", await laterForRail.Content.ReadAsStringAsync());
        var store = _app!.Services.GetRequiredService<IMentionStore>();
        foreach (var brand in new[] { "Acme Air", "Acme Rail" })
        {
            var mine = await store.GetMentionsAsync(new MentionQuery { Brand = brand, Source = "push" }, CancellationToken.None);
            Assert.AreEqual("crm-2,crm-1", string.Join(",", mine.Select(m => m.Mention.ExternalId)), brand);
        }
    }

    [TestMethod]
    public async Task Push_OneMentionObject_IsAccepted()
    {
        var response = await PostAsync("""{"id":"one","brand":"Acme Air","text":"hello"}""");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Push_InvalidItems_Returns400WithAnErrorPerItem_AndStoresNothing()
    {
        var response = await PostAsync("""[{"id":"ok","brand":"Acme Air","text":"fine"},{"brand":"Globex","text":""}]""");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual(1, item.GetProperty("index").GetInt32());
        var errors = string.Join(" ", item.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        StringAssert.Contains(errors, "\"id\" is required.");
        StringAssert.Contains(errors, "\"text\" is empty.");
        StringAssert.Contains(errors, "'Globex' is not a known brand");
        Assert.IsNull(await _app!.Services.GetRequiredService<IMentionStore>().FindMentionAsync("push", "ok", CancellationToken.None));
    }

    [TestMethod]
    public async Task Push_ThousandsOfEmptyItems_ListsTheFirstHundredAndCountsTheRest()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("{}", 1300)) + "]";

        var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        Assert.AreEqual(MentionPushEndpoints.MaxListedErrors, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.AreEqual(1300 - MentionPushEndpoints.MaxListedErrors, json.RootElement.GetProperty("unlisted").GetInt32());
        StringAssert.Contains(json.RootElement.GetProperty("error").GetString(), "1300 of 1300");
        Assert.IsLessThan(body.Length * 8, text.Length, $"the answer stays within a small multiple of the request ({text.Length} bytes)");
    }

    [TestMethod]
    public async Task Push_AHugeUnknownBrand_IsNotEchoedBackWhole()
    {
        var brand = new string('b', 3000);

        var response = await PostAsync("{\"id\":\"1\",\"brand\":\"" + brand + "\",\"text\":\"hi\"}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(brand, text);
        Assert.IsLessThan(1000, text.Length, text);
    }

    [TestMethod]
    public async Task Push_MalformedJson_Returns400()
    {
        var response = await PostAsync("""[{"id":"1","text":""");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Malformed JSON");
    }

    [TestMethod]
    public async Task Push_BodyOverTheLimit_Returns413()
    {
        var big = "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"id":"{{i}}","brand":"Acme Air","text":"{{new string('x', 50)}}"}""")) + "]";

        var response = await PostAsync(big);

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [TestMethod]
    public async Task Push_WithoutAnApiKey_IsRefused()
    {
        using var anonymous = _app!.GetTestClient();

        var response = await anonymous.PostAsync(new Uri("/api/mentions", UriKind.Relative), new StringContent("""{"id":"1","brand":"Acme Air","text":"x"}""", Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _client!.PostAsync(new Uri("/api/mentions", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Stands in for the host's API-key scheme, which the endpoint only depends on through the "push" policy.</summary>
    private sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Key = "test-key";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers["X-Api-Key"] == Key
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "crm")], Scheme.Name)), Scheme.Name))
                : AuthenticateResult.NoResult());
    }

    private sealed class NeutralScorer : IMentionScorer
    {
        public string ModelVersion => "neutral";

        public IReadOnlyList<MentionScore> Score(IReadOnlyList<ScoringInput> inputs) =>
            inputs.Select(_ => new MentionScore(new SentimentScore(SentimentLabel.Neutral, 0.1f, 0.8f, 0.1f), 0.1f, new EscalationScore(0.1f, EscalationLevel.Low, []), ModelVersion)).ToList();
    }

    private sealed class NoOperatorAlerts : IOperatorAlerts
    {
        public Task RaiseAsync(string source, string message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
