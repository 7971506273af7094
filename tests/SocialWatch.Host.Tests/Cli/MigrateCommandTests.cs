namespace SocialWatch.Host.Tests.Cli;

[TestClass]
public sealed class MigrateCommandTests
{
    [TestMethod]
    public async Task Migrate_OnEmbeddedDefault_AppliesScriptsOnceThenReportsUpToDate()
    {
        using var dir = new TempDirectory();

        await using var first = HostProcess.Start(["migrate"], new Dictionary<string, string?>(), dir.Path);
        var firstExit = await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await using var second = HostProcess.Start(["migrate"], new Dictionary<string, string?>(), dir.Path);
        var secondExit = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.AreEqual(0, firstExit, first.StandardError);
        StringAssert.Contains(first.StandardOutput, "Sqlite: applied");
        StringAssert.Contains(first.StandardOutput, "0001_");
        Assert.AreEqual(0, secondExit, second.StandardError);
        StringAssert.Contains(second.StandardOutput, "Sqlite: schema is up to date.");
    }
}
