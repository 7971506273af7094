using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Cli;
using SocialWatch.Ingest;
using SocialWatch.Storage;

namespace SocialWatch.Host.Tests.Cli;

[TestClass]
public sealed class IngestCommandsTests : IAsyncDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"socialwatch-replay-{Guid.NewGuid():N}.db");
    private readonly string _input = Path.Combine(Path.GetTempPath(), $"socialwatch-replay-{Guid.NewGuid():N}.jsonl");
    private readonly ServiceProvider _services;

    public IngestCommandsTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialWatch"] = $"Data Source={_database}",
            ["Brands:0:Name"] = "Acme Air",
            ["Brands:1:Name"] = "Acme Rail",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchIngest(configuration);
        services.AddSingleton<IMentionScorer, NeutralScorer>();
        services.AddSingleton<IOperatorAlerts, NoOperatorAlerts>();
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _database, _database + "-wal", _database + "-shm", _input })
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task Replay_StoresTheFilesMentionsForTheGivenBrand()
    {
        await _services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
        await File.WriteAllLinesAsync(_input, ["""{"id":"a","text":"Acme Air lost my bag"}""", """{"id":"b","text":"Acme Air was great"}"""]);

        var (exitCode, output, _) = await InvokeAsync("replay", "--input", _input, "--brand", "Acme Air");

        Assert.AreEqual(0, exitCode);
        Assert.AreEqual("replay: 2 lines, 2 stored, 0 already stored, 0 filtered out, 0 invalid", output.Trim());
        var stored = await _services.GetRequiredService<IMentionStore>().GetMentionsAsync(new MentionQuery { Source = "replay" }, CancellationToken.None);
        Assert.AreEqual("a,b", string.Join(",", stored.Select(m => m.Mention.ExternalId).Order(StringComparer.Ordinal)));
    }

    [TestMethod]
    public async Task Replay_OfAPostForASecondBrand_StoresItForThatBrandToo_AndAgainForEitherStoresNothing()
    {
        await _services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
        await File.WriteAllLinesAsync(_input, ["""{"id":"1890","source":"x","text":"Acme Air and Acme Rail both stranded me in Leeds"}"""]);

        var (_, forAir, _) = await InvokeAsync("replay", "--input", _input, "--brand", "Acme Air");
        var (_, forRail, _) = await InvokeAsync("replay", "--input", _input, "--brand", "Acme Rail");
        var (_, againForRail, _) = await InvokeAsync("replay", "--input", _input, "--brand", "Acme Rail");

        Assert.AreEqual("replay: 1 lines, 1 stored, 0 already stored, 0 filtered out, 0 invalid", forAir.Trim());
        Assert.AreEqual("replay: 1 lines, 1 stored, 0 already stored, 0 filtered out, 0 invalid", forRail.Trim());
        Assert.AreEqual("replay: 1 lines, 0 stored, 1 already stored, 0 filtered out, 0 invalid", againForRail.Trim());
        var store = _services.GetRequiredService<IMentionStore>();
        Assert.AreEqual("Acme Air", (await store.FindMentionAsync("x", "1890", "Acme Air", CancellationToken.None))!.Mention.Brand);
        Assert.AreEqual("Acme Rail", (await store.FindMentionAsync("x", "1890", "Acme Rail", CancellationToken.None))!.Mention.Brand);
    }

    [TestMethod]
    public async Task Replay_WithAnInvalidLine_ExitsWithOne()
    {
        await _services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
        await File.WriteAllLinesAsync(_input, ["""{"id":"a","text":"fine"}""", "not json"]);

        var (exitCode, _, errors) = await InvokeAsync("replay", "--input", _input, "--brand", "Acme Air");

        Assert.AreEqual(1, exitCode);
        StringAssert.StartsWith(errors, "line 2: invalid JSON");
    }

    [TestMethod]
    public async Task Replay_WithoutInput_IsAUsageError()
    {
        var (exitCode, _, errors) = await InvokeAsync("replay");

        Assert.AreNotEqual(0, exitCode);
        StringAssert.Contains(errors, "--input");
    }

    private async Task<(int ExitCode, string Output, string Errors)> InvokeAsync(params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in IngestCommands.Create(() => _services))
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
        return (exitCode, output.ToString(), errors.ToString());
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
