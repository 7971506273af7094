using System.Net;

namespace SocialWatch.Host.Tests.Health;

/// <summary>The real host executable on the embedded default (SQLite under ./data of its working folder), polled over HTTP.</summary>
internal sealed class ReadyHost : IAsyncDisposable
{
    private ReadyHost(HostProcess process, HttpClient http, string databaseFile)
    {
        Process = process;
        Http = http;
        DatabaseFile = databaseFile;
    }

    public HostProcess Process { get; }

    public HttpClient Http { get; }

    public string DatabaseFile { get; }

    public static ReadyHost Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, int? listenPort = null)
    {
        var port = listenPort ?? HostProcess.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Health__ProbeTimeout"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var process = HostProcess.Start(["--urls", $"http://127.0.0.1:{port}"], settings, workingDirectory);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        return new ReadyHost(process, http, Path.Combine(workingDirectory, "data", "socialwatch.db"));
    }

    /// <summary>Polls the path until it answers <paramref name="expected"/>; fails with the host's output when it never does.</summary>
    public async Task<string> WaitForAsync(string path, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var last = "(no answer)";
        while (DateTime.UtcNow < deadline)
        {
            Assert.IsFalse(Process.HasExited, $"host exited: {Process.StandardError}{Process.StandardOutput}");
            try
            {
                using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                if (response.StatusCode == expected)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200, cancellationToken);
        }

        Assert.Fail($"{path} never answered {(int)expected}; last: {last}\n{Process.StandardError}");
        return last;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public void DeleteDatabaseFiles()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabaseFile + suffix);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
