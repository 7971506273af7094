using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Cli;
using SocialWatch.Host.Tests.Models;
using SocialWatch.Scoring;
using SocialWatch.Storage;

namespace SocialWatch.Host.Tests.Cli;

[TestClass]
public sealed class ModelCommandsTests : IAsyncDisposable
{
    private const string Candidate = "v20991231-000000";

    private readonly string _directory = Directory.CreateTempSubdirectory("socialwatch-models-cli-").FullName;
    private readonly ServiceProvider _services;

    public ModelCommandsTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialWatch"] = $"Data Source={Path.Combine(_directory, "socialwatch.db")}",
            ["Scoring:ModelDirectory"] = Path.Combine(AppContext.BaseDirectory, "models", "current"),
            ["Scoring:ModelCacheDirectory"] = Path.Combine(_directory, "models"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchScoring(configuration);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [TestInitialize]
    public Task MigrateAsync() => _services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);

    [TestMethod]
    public async Task List_OnAFreshDatabase_ShowsTheShippedModelPromoted_WithItsMetrics()
    {
        var (exitCode, output, errors) = await InvokeAsync("models", "list");

        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.AreEqual(0, exitCode, errors);
        Assert.HasCount(2, lines);
        StringAssert.Contains(lines[0], "complaint F1");
        var metrics = ShippedModelCopy.Metrics;
        var cells = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEqual(
            new[] { "*", ShippedModelCopy.Version, "import" }.Concat(new[] { metrics.SentimentAccuracy, metrics.ComplaintMacroF1, metrics.ComplaintAuc, metrics.EscalationAuc }.Select(ShippedModelCopy.Format)).ToArray(),
            cells.Take(2).Concat(cells.Skip(4)).ToArray(),
            lines[1]);
    }

    [TestMethod]
    public async Task PromoteThenRollback_MoveThePromotedMark()
    {
        await InvokeAsync("models", "list");
        await _services.GetRequiredService<Scoring.Models.SharedModels>().PublishAsync(
            ShippedModelCopy.Create(Candidate, new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero)), "retrain", CancellationToken.None);

        var promote = await InvokeAsync("models", "promote", Candidate);
        var afterPromote = (await InvokeAsync("models", "list")).Output;
        var rollback = await InvokeAsync("models", "rollback");
        var afterRollback = (await InvokeAsync("models", "list")).Output;

        Assert.AreEqual(0, promote.ExitCode, promote.Errors);
        var shipped = ShippedModelCopy.Version;
        StringAssert.Contains(promote.Output, $"promoted {Candidate} (replacing {shipped})");
        StringAssert.Contains(afterPromote, $"*  {Candidate}");
        StringAssert.Contains(afterPromote, "^  " + shipped);
        Assert.AreEqual(0, rollback.ExitCode, rollback.Errors);
        StringAssert.Contains(rollback.Output, "rolled back to " + shipped);
        StringAssert.Contains(afterRollback, "*  " + shipped);
    }

    [TestMethod]
    [DataRow("promote", "nope", "models promote: There is no model version 'nope'.")]
    [DataRow("promote", "{shipped}", "models promote: Model version '{shipped}' is already promoted.")]
    [DataRow("rollback", null, "models rollback: Nothing was promoted before {shipped}; there is nothing to roll back to.")]
    public async Task AVerbThatCannotHappen_PrintsOneLine_AndExitsWith2(string verb, string? version, string expected)
    {
        var shipped = ShippedModelCopy.Version;
        expected = expected.Replace("{shipped}", shipped, StringComparison.Ordinal);
        string[] args = version is null ? ["models", verb] : ["models", verb, version.Replace("{shipped}", shipped, StringComparison.Ordinal)];

        var (exitCode, _, errors) = await InvokeAsync(args);

        Assert.AreEqual(2, exitCode);
        Assert.AreEqual(expected, errors.TrimEnd());
    }

    private async Task<(int ExitCode, string Output, string Errors)> InvokeAsync(params string[] args)
    {
        var root = new RootCommand { ModelCommands.Create(() => _services) };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
        return (exitCode, output.ToString(), errors.ToString());
    }
}
