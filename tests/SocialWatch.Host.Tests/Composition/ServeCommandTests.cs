using System.Net;
using System.Text.Json;

namespace SocialWatch.Host.Tests.Composition;

[TestClass]
public sealed class ServeCommandTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Serve_OnAFreshEmbeddedDatabase_EndsStartUpWithABoxNamingTheAddressTheDemoAccountsAndTheirPassword_OnceOnly()
    {
        using var dir = new TempDirectory();
        var port = HostProcess.FreePort();
        string first;
        await using (var host = HostProcess.Start(["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string?>(), dir.Path))
        {
            first = await BannerAsync(host);
        }

        string later;
        await using (var host = HostProcess.Start(["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string?>(), dir.Path))
        {
            later = await BannerAsync(host);
        }

        StringAssert.Contains(first, $"Open http://127.0.0.1:{port}");
        StringAssert.Contains(first, "Demo accounts: agent, pr, manager, admin");
        StringAssert.Matches(first, new System.Text.RegularExpressions.Regex("Password \\(all of them\\): \\S{16} "));
        StringAssert.Contains(first, "users reset-password admin");
        StringAssert.Contains(later, "Password: the one shown at the first start", "the password is shown at its first start only");
        Assert.DoesNotContain("Password (all of them)", later);
    }

    /// <summary>The box printed after "Now listening on", from its top line to its bottom line.</summary>
    private static async Task<string> BannerAsync(HostProcess host)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!host.StandardOutput.Contains('└', StringComparison.Ordinal) && !host.HasExited && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
        }

        var output = host.StandardOutput;
        var top = output.IndexOf('┌', StringComparison.Ordinal);
        var bottom = output.IndexOf('└', StringComparison.Ordinal);
        Assert.IsTrue(top >= 0 && bottom > top, "no banner in: " + output + host.StandardError);
        Assert.IsGreaterThan(output.IndexOf("Now listening on", StringComparison.Ordinal), top, "the banner comes after the listening address");
        return output[top..bottom];
    }

    [TestMethod]
    public async Task Serve_WithUnknownStorageProvider_StopsWithOneClearLine()
    {
        using var dir = new TempDirectory();
        await using var host = HostProcess.Start([], new Dictionary<string, string?> { ["Storage__Provider"] = "Oracle" }, dir.Path);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.AreEqual(2, exitCode);
        var lines = host.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, host.StandardError);
        StringAssert.Contains(lines[0], "Storage:Provider 'Oracle'");
        Assert.DoesNotContain("   at ", host.StandardError + host.StandardOutput, "no stack trace");
    }

    [TestMethod]
    public async Task Serve_WithPostgreSqlButNoConnectionString_StopsWithOneClearLine()
    {
        using var dir = new TempDirectory();
        await using var host = HostProcess.Start(
            [],
            new Dictionary<string, string?> { ["Storage__Provider"] = "PostgreSql", ["ConnectionStrings__SocialWatch"] = "" },
            dir.Path);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.AreEqual(2, exitCode);
        var lines = host.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, host.StandardError);
        StringAssert.Contains(lines[0], "ConnectionStrings:SocialWatch");
    }

    [TestMethod]
    public async Task Serve_WithUnknownHangfireStorage_StopsWithOneClearLine()
    {
        using var dir = new TempDirectory();
        await using var host = HostProcess.Start([], new Dictionary<string, string?> { ["Hangfire__Storage"] = "Redis" }, dir.Path);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.AreEqual(2, exitCode);
        StringAssert.Contains(host.StandardError, "Hangfire:Storage 'Redis' is not supported");
    }

    [TestMethod]
    public async Task Serve_InProductionOnASharedDatabaseWithoutKeyRingEncryption_StopsWithOneClearLineNamingTheSettings()
    {
        using var dir = new TempDirectory();
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start(
            ["--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?>
            {
                ["DataProtection__Key"] = "",
                ["Storage__Provider"] = "PostgreSql",

                // Never reached: the check comes before anything connects.
                ["ConnectionStrings__SocialWatch"] = "Host=127.0.0.1;Port=9;Database=none;Username=none;Password=none",
            },
            dir.Path);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.AreEqual(2, exitCode, host.StandardError);
        var lines = host.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, host.StandardError);
        StringAssert.Contains(lines[0], "DataProtection:Key");
        StringAssert.Contains(lines[0], "DataProtection:CertificatePath");
        Assert.DoesNotContain("   at ", host.StandardError + host.StandardOutput, "no stack trace");
    }

    [TestMethod]
    public async Task Serve_OnEmbeddedDefault_AnswersHealthWithDatabaseAndHangfire()
    {
        using var dir = new TempDirectory();
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start(["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string?>(), dir.Path);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var (status, body) = await PollHealthAsync(http, host, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, status, body);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks");
        Assert.AreEqual("Healthy", checks.GetProperty("database").GetProperty("status").GetString(), body);
        Assert.AreEqual("Sqlite", checks.GetProperty("database").GetProperty("data").GetProperty("provider").GetString(), body);
        Assert.AreEqual("InMemory", checks.GetProperty("hangfire").GetProperty("data").GetProperty("storage").GetString(), body);
        Assert.IsTrue(File.Exists(Path.Combine(dir.Path, "data", "socialwatch.db")), "the SQLite file lives under ./data/");
    }

    [TestMethod]
    public async Task Serve_ListensWhereAspNetCoreUrlsSays_AsTheContainerSetsIt()
    {
        using var dir = new TempDirectory();
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start([], new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, dir.Path);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var (status, body) = await PollHealthAsync(http, host, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, status, body);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PollHealthAsync(HttpClient http, HostProcess host, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.IsFalse(host.HasExited, $"host exited: {host.StandardError}{host.StandardOutput}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);

                // Hangfire's server registers itself a moment after start-up.
                if (response.StatusCode == HttpStatusCode.OK && body.Contains("\"servers\":", StringComparison.Ordinal) && !body.Contains("\"servers\":0", StringComparison.Ordinal))
                {
                    return (response.StatusCode, body);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"no healthy /health answer in time.\n{host.StandardError}\n{host.StandardOutput}");
        return default;
    }
}
