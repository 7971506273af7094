using SocialWatch.Host.Cli;

namespace SocialWatch.Host.Tests.Cli;

[TestClass]
public sealed class VerbGuardTests
{
    [TestMethod]
    [DataRow(new string[0])]
    [DataRow(new[] { "serve" })]
    [DataRow(new[] { "--urls", "http://127.0.0.1:5000" })]
    [DataRow(new[] { "Storage:Provider=PostgreSql" })]
    public void Host_settings_alone_start_the_web_host(string[] args)
    {
        Assert.IsTrue(VerbGuard.IsServe(args));
    }

    [TestMethod]
    [DataRow(new[] { "score", "--input", "a.jsonl" })]
    [DataRow(new[] { "--help" })]
    [DataRow(new[] { "scroe" })]
    public void A_verb_help_or_typo_does_not_start_the_web_host(string[] args)
    {
        Assert.IsFalse(VerbGuard.IsServe(args));
    }

    [TestMethod]
    public void A_typo_is_refused_with_the_nearest_verb()
    {
        var message = VerbGuard.Unknown(["scroe", "--input", "a.jsonl"]);

        Assert.IsNotNull(message);
        StringAssert.Contains(message, "'scroe' is not a SocialWatch verb");
        StringAssert.Contains(message, "Did you mean 'score'?");
        StringAssert.Contains(message, "migrate");
    }

    [TestMethod]
    public void A_word_far_from_every_verb_gets_no_guess()
    {
        var message = VerbGuard.Unknown(["backup"]);

        Assert.IsNotNull(message);
        Assert.DoesNotContain("Did you mean", message);
    }

    [TestMethod]
    [DataRow("score")]
    [DataRow("replay")]
    [DataRow("models")]
    [DataRow("--version")]
    public void Verbs_and_options_are_not_unknown(string first)
    {
        Assert.IsNull(VerbGuard.Unknown([first]));
    }

    [TestMethod]
    public async Task The_host_refuses_a_typo_with_exit_code_2_and_creates_no_database()
    {
        using var dir = new TempDirectory();

        await using var process = HostProcess.Start(["scroe"], new Dictionary<string, string?>(), dir.Path);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.AreEqual(2, exit, process.StandardOutput + process.StandardError);
        StringAssert.Contains(process.StandardError, "Did you mean 'score'?");
        Assert.IsEmpty(Directory.GetFileSystemEntries(dir.Path), string.Join(", ", Directory.GetFileSystemEntries(dir.Path)));
    }
}
