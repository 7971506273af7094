using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Access;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Cli;

namespace SocialWatch.Host.Tests.Cli;

[TestClass]
public sealed class EraseCommandTests : IAsyncDisposable
{
    private readonly CliStorage _storage = new("erase", services => services.AddTransient<EraseAuthorData>());

    private ServiceProvider Services => _storage.Services;

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    [TestMethod]
    public async Task Erase_WithYes_ErasesEveryBrandsCopy_PrintsCountsPerKind_AndAuditsWithoutTheAuthor()
    {
        var ids = await StoreAsync(("1", "Acme Air", "2001"), ("1", "Acme Rail", "2001"), ("2", "Acme Air", "2001"), ("3", "Acme Air", "3003"));

        var (exitCode, output, errors) = await InvokeAsync(null, "erase", "--source", "x", "--author", "@Handle_2001", "--reason", "DSR-9", "--yes");

        Assert.AreEqual(0, exitCode, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.AreEqual($"erase: erased author 2001 on x (audited as {EraseAuthorData.SubjectHash("x", "2001")}):", lines[0]);
        CollectionAssert.Contains(lines, "mentions                       3");
        CollectionAssert.Contains(lines, "engagement snapshots           0");
        var mentions = Services.GetRequiredService<IMentionStore>();
        Assert.IsNull(await mentions.GetMentionAsync(ids[0], CancellationToken.None));
        Assert.IsNull(await mentions.GetMentionAsync(ids[1], CancellationToken.None));
        Assert.IsNotNull(await mentions.GetMentionAsync(ids[3], CancellationToken.None));
        var audit = (await Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(10, CancellationToken.None)).Single();
        Assert.AreEqual(("privacy", EraseAuthorData.SubjectHash("x", "2001"), "3 mentions (request DSR-9)"), (audit.Area, audit.Subject, audit.Detail));
        StringAssert.StartsWith(audit.Actor, "cli:");
        Assert.DoesNotContain("2001", audit.Action + audit.Detail);
    }

    [TestMethod]
    public async Task Erase_WithoutYes_AndNoTerminal_ShowsWhatIsStored_ErasesNothing_AndExits1()
    {
        var ids = await StoreAsync(("1", "Acme Air", "2001"));

        var (exitCode, output, errors) = await InvokeAsync(null, "erase", "--source", "x", "--author", "2001");

        Assert.AreEqual(1, exitCode);
        StringAssert.StartsWith(output, "erase: stored for author 2001 on x:");
        Assert.AreEqual("erase: nothing erased; run again with --yes to erase.", errors.Trim());
        Assert.IsNotNull(await Services.GetRequiredService<IMentionStore>().GetMentionAsync(ids[0], CancellationToken.None));
    }

    [TestMethod]
    public async Task Erase_ConfirmedAtTheTerminal_Erases()
    {
        var ids = await StoreAsync(("1", "Acme Air", "2001"));
        string? asked = null;

        var (exitCode, output, _) = await InvokeAsync(prompt => { asked = prompt; return true; }, "erase", "--source", "x", "--author", "2001");

        Assert.AreEqual(0, exitCode);
        StringAssert.Contains(asked, "[y/N]");
        StringAssert.Contains(output, "erase: erased author 2001 on x");
        Assert.IsNull(await Services.GetRequiredService<IMentionStore>().GetMentionAsync(ids[0], CancellationToken.None));
    }

    [TestMethod]
    public async Task Erase_OfAnAuthorWithNothingStored_SaysSo_AndExits1()
    {
        await StoreAsync(("1", "Acme Air", "2001"));

        var (exitCode, output, _) = await InvokeAsync(null, "erase", "--source", "reddit", "--author", "2001", "--yes");

        Assert.AreEqual(1, exitCode);
        Assert.AreEqual("erase: nothing stored for '2001' on reddit.", output.Trim());
        Assert.IsEmpty(await Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(10, CancellationToken.None));
    }

    [TestMethod]
    [DataRow("x y", "2001", "erase: 'x y' is not a source name")]
    [DataRow("x", "two words", "erase: An author id or handle is one word")]
    [DataRow("x", "@", "erase: Name the author")]
    public async Task Erase_WithBadInput_IsOneClearLine_AndExits2(string source, string author, string message)
    {
        await Services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);

        var (exitCode, _, errors) = await InvokeAsync(null, "erase", "--source", source, "--author", author, "--yes");

        Assert.AreEqual(2, exitCode);
        StringAssert.StartsWith(errors, message);
        Assert.HasCount(1, errors.Trim().Split('\n'));
    }

    [TestMethod]
    public async Task TheHost_ReadsAHandleWithItsAt_NotAsAResponseFile()
    {
        using var dir = new TempDirectory();

        await using var process = HostProcess.Start(
            ["erase", "--source", "x", "--author", "@nobody_here", "--yes"],
            new Dictionary<string, string?> { ["Storage__Provider"] = "Sqlite", ["ConnectionStrings__SocialWatch"] = $"Data Source={Path.Combine(dir.Path, "sw.db")}" },
            dir.Path);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.AreEqual(1, exit, process.StandardOutput + process.StandardError);
        Assert.AreEqual("erase: nothing stored for '@nobody_here' on x.", process.StandardOutput.Trim().Split('\n')[^1].Trim(), "the verb's answer is its last line, after the start-up log");
    }

    [TestMethod]
    public async Task TheHost_RunsTheVerb_AndRefusesBadInputWithExitCode2()
    {
        using var dir = new TempDirectory();

        await using var process = HostProcess.Start(["erase", "--source", "x", "--author", "two words"], new Dictionary<string, string?>(), dir.Path);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.AreEqual(2, exit, process.StandardOutput + process.StandardError);
        Assert.AreEqual("erase: An author id or handle is one word of at most 256 characters.", process.StandardError.Trim());
    }

    private async Task<long[]> StoreAsync(params (string ExternalId, string Brand, string AuthorId)[] posts)
    {
        await Services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
        var store = Services.GetRequiredService<IMentionStore>();
        var ids = new List<long>();
        foreach (var (externalId, brand, authorId) in posts)
        {
            var mention = new Mention
            {
                Source = "x",
                ExternalId = externalId,
                Brand = brand,
                Text = "Lost my bag in Leeds, call me on 0123",
                Author = new MentionAuthor(authorId, "handle_" + authorId, "Jane", 10, false),
                CreatedAt = new DateTimeOffset(2026, 3, 14, 8, 0, 0, TimeSpan.Zero),
            };
            var score = new MentionScore(new SentimentScore(SentimentLabel.Negative, 0.8f, 0.1f, 0.1f), 0.9f, new EscalationScore(0.5f, EscalationLevel.Medium, []), "test");
            var result = await store.StoreBatchAsync(new IngestBatch($"q-{externalId}-{brand}", [new ScoredMention(mention, score)], "c", null), CancellationToken.None);
            ids.Add(result.Inserted[0].Id);
        }

        return [.. ids];
    }

    private async Task<(int ExitCode, string Output, string Errors)> InvokeAsync(Func<string, bool>? confirm, params string[] args)
    {
        var root = new RootCommand("test") { EraseCommand.Create(() => Services, confirm) };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await root.Parse(args, CliParser.Configuration()).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
        return (exitCode, output.ToString(), errors.ToString());
    }
}
