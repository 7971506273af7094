using SocialWatch.Host.Cli;

namespace SocialWatch.Host.Tests.Cli;

[TestClass]
public sealed class DigestCommandsTests
{
    [TestMethod]
    [DataRow("90m", 90.0)]
    [DataRow("24h", 24.0 * 60)]
    [DataRow("7d", 7.0 * 24 * 60)]
    [DataRow("1.00:00:00", 24.0 * 60)]
    public void A_period_is_read_in_minutes_hours_or_days(string text, double minutes)
    {
        Assert.AreEqual(TimeSpan.FromMinutes(minutes), DigestCommands.ParsePeriod(text));
    }

    [TestMethod]
    [DataRow("soon")]
    [DataRow("-3h")]
    [DataRow("0h")]
    [DataRow("3w")]
    public void A_period_that_is_not_one_is_not_guessed(string text)
    {
        Assert.IsNull(DigestCommands.ParsePeriod(text));
    }

    [TestMethod]
    public async Task A_bad_address_is_one_clear_line_and_exit_code_2()
    {
        using var dir = new TempDirectory();

        await using var process = HostProcess.Start(["digest", "--to", "not-an-address"], new Dictionary<string, string?>(), dir.Path);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.AreEqual(2, exit, process.StandardOutput + process.StandardError);
        Assert.AreEqual("digest: 'not-an-address' is not an e-mail address.", process.StandardError.Trim());
    }

    [TestMethod]
    public async Task A_mail_server_that_is_not_there_is_one_clear_line_and_exit_code_2()
    {
        using var dir = new TempDirectory();
        var closedPort = HostProcess.FreePort();

        await using var process = HostProcess.Start(
            ["digest", "--to", "lead@example.com", "--period", "7d"],
            new Dictionary<string, string?> { ["Smtp__Host"] = "127.0.0.1", ["Smtp__Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            dir.Path);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.AreEqual(2, exit, process.StandardOutput + process.StandardError);
        StringAssert.StartsWith(process.StandardError.Trim(), "digest: the mail server did not take the digest:");
        Assert.DoesNotContain("   at ", process.StandardError, "no stack trace");
    }
}
