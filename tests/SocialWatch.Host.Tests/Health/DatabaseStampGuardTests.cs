using System.Net;

namespace SocialWatch.Host.Tests.Health;

[TestClass]
public sealed class DatabaseStampGuardTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Serve_OnAMissingDatabaseWhereItRanBefore_RefusesWithOneClearLine()
    {
        using var dir = new TempDirectory();
        await using (var first = ReadyHost.Start(dir.Path))
        {
            await first.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path.Combine(dir.Path, "data", "socialwatch.db" + suffix));
        }

        await using var again = ReadyHost.Start(dir.Path);
        var exitCode = await again.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.AreEqual(2, exitCode, again.Process.StandardOutput);
        var lines = again.Process.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, again.Process.StandardError);
        StringAssert.Contains(lines[0], "database is missing");
        StringAssert.Contains(lines[0], "Storage:AllowFreshDatabase=true");
        Assert.IsFalse(File.Exists(again.DatabaseFile), "nothing was created in the empty place");
    }

    [TestMethod]
    public async Task Serve_OnAnotherDatabaseWhereItRanBefore_RefusesUnlessAllowed()
    {
        using var dir = new TempDirectory();
        await using (var first = ReadyHost.Start(dir.Path))
        {
            await first.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);
        }

        var stampFile = Path.Combine(dir.Path, "data", "socialwatch.db.stamp");
        var firstStamp = (await File.ReadAllTextAsync(stampFile, TestContext.CancellationToken)).Trim();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path.Combine(dir.Path, "data", "socialwatch.db" + suffix));
        }

        // An empty file where the database was: what a lost volume or a careless copy leaves behind.
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "data", "socialwatch.db"), [], TestContext.CancellationToken);
        await using var refused = ReadyHost.Start(dir.Path);
        var exitCode = await refused.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await using var allowed = ReadyHost.Start(dir.Path, new Dictionary<string, string?> { ["Storage__AllowFreshDatabase"] = "true" });
        await allowed.WaitForAsync("/health/ready", HttpStatusCode.OK, TestContext.CancellationToken);
        var secondStamp = (await File.ReadAllTextAsync(stampFile, TestContext.CancellationToken)).Trim();

        Assert.AreEqual(2, exitCode, refused.Process.StandardOutput);
        StringAssert.Contains(refused.Process.StandardError, "not database " + firstStamp);
        Assert.AreNotEqual(firstStamp, secondStamp, "the allowed start recorded the new database");
    }
}
