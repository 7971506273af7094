namespace SocialWatch.Host.Tests.Cli;

[TestClass]
public sealed class ScoringCommandsTests
{
    [TestMethod]
    public async Task Score_OutputIsTheInput_StopsWithOneClearLineAndLeavesTheInputAlone()
    {
        using var dir = new TempDirectory();
        var input = await InputAsync(dir);

        var (exitCode, stderr, stdout) = await ScoreAsync(dir, input, input);

        Assert.AreEqual(2, exitCode, stdout);
        AssertOneClearLine(stderr, stdout, "is the input file");
        StringAssert.Contains(await File.ReadAllTextAsync(input), "my bag is lost");
    }

    [TestMethod]
    public async Task Score_OutputFolderMissing_StopsWithOneClearLine()
    {
        using var dir = new TempDirectory();
        var input = await InputAsync(dir);

        var (exitCode, stderr, stdout) = await ScoreAsync(dir, input, Path.Combine(dir.Path, "no-such-folder", "out.jsonl"));

        Assert.AreEqual(2, exitCode, stdout);
        AssertOneClearLine(stderr, stdout, "does not exist");
        Assert.IsFalse(Directory.Exists(Path.Combine(dir.Path, "no-such-folder")));
    }

    [TestMethod]
    public async Task Score_OutputIsAFolder_StopsWithOneClearLine()
    {
        using var dir = new TempDirectory();
        var input = await InputAsync(dir);

        var (exitCode, stderr, stdout) = await ScoreAsync(dir, input, dir.Path + Path.DirectorySeparatorChar);

        Assert.AreEqual(2, exitCode, stdout);
        AssertOneClearLine(stderr, stdout, "is a folder");
    }

    [TestMethod]
    public async Task Score_OutputUnderAFile_StopsWithOneClearLine()
    {
        using var dir = new TempDirectory();
        var input = await InputAsync(dir);

        var (exitCode, stderr, stdout) = await ScoreAsync(dir, input, Path.Combine(input, "out.jsonl"));

        Assert.AreEqual(2, exitCode, stdout);
        AssertOneClearLine(stderr, stdout, "score: ");
    }

    private static async Task<string> InputAsync(TempDirectory dir)
    {
        var input = Path.Combine(dir.Path, "in.jsonl");
        await File.WriteAllTextAsync(input, "{\"id\":\"1\",\"text\":\"my bag is lost\"}\n");
        return input;
    }

    private static async Task<(int ExitCode, string Stderr, string Stdout)> ScoreAsync(TempDirectory dir, string input, string output)
    {
        await using var host = HostProcess.Start(["score", "--input", input, "--output", output], new Dictionary<string, string?>(), dir.Path);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, host.StandardError, host.StandardOutput);
    }

    private static void AssertOneClearLine(string stderr, string stdout, string expected)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, stderr);
        StringAssert.StartsWith(lines[0], "score: ");
        StringAssert.Contains(lines[0], expected);
        Assert.DoesNotContain("   at ", stderr + stdout, "no stack trace");
    }
}
