using System.Diagnostics;
using SocialWatch.Alerts.Digests;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>
/// Renders sample digests as a browser shows them (headless Chromium) so a person can look at the result.
/// Set DIGEST_SAMPLE_DIR to keep the HTML and PNG files (docs/digest-sample.png is made this way).
/// </summary>
[TestClass]
public sealed class DigestScreenshotTests
{
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    [TestMethod]
    [DataRow("busy")]
    [DataRow("quiet")]
    [DataRow("preview")]
    public async Task Render_SampleDigest_ChromiumDrawsTheWholeEmail(string sample)
    {
        var chromium = ChromiumPaths.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Prerequisite.Missing("Chromium is not installed (apt-get install -y chromium).");
        }

        var report = sample switch
        {
            "quiet" => DigestSamples.Quiet(),
            "preview" => DigestSamples.Busy() with { IsPartial = true },
            _ => DigestSamples.Busy(),
        };
        var rendered = DigestRenderer.Render(report, ChartEmbedding.DataUri);
        var directory = Environment.GetEnvironmentVariable("DIGEST_SAMPLE_DIR") is { Length: > 0 } keep
            ? Directory.CreateDirectory(keep).FullName
            : Directory.CreateTempSubdirectory("socialwatch-digest-").FullName;
        var html = Path.Combine(directory, $"digest-{sample}.html");
        var png = Path.Combine(directory, $"digest-{sample}.png");
        await File.WriteAllTextAsync(html, rendered.Html);

        var exitCode = await ScreenshotAsync(chromium, html, png, directory);

        Assert.AreEqual(0, exitCode);
        Assert.IsTrue(File.Exists(png), "Chromium wrote no screenshot.");
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.IsGreaterThan(20_000, bytes.Length, "A screenshot this small is a blank page.");
    }

    private static async Task<int> ScreenshotAsync(string chromium, string html, string png, string directory)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={Path.Combine(directory, "profile")}",
            $"--screenshot={png}", "--window-size=760,1700", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await stderr;
        return process.ExitCode;
    }
}
