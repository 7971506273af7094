using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>
/// Starts the published host the way <c>docker run</c> starts the image: the Dockerfile's ENTRYPOINT and CMD in its
/// WORKDIR (the publish folder, made read-only), only the image's environment, the volume path mapped to a folder of
/// the test's, and, when the test runs as root (CI), as the image's non-root user.
/// </summary>
internal sealed partial class ImageRun : IAsyncDisposable
{
    /// <summary>The uid and gid of <c>app</c> in Microsoft's .NET images (their <c>APP_UID</c>).</summary>
    public const int AppUid = 1654;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ImageRun(Process process) => _process = process;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public static bool RunningAsRoot => System.Environment.UserName == "root";

    /// <summary>
    /// The image's environment with its WORKDIR and VOLUME paths replaced by the folders that stand in for them,
    /// e.g. <c>Data Source=/data/socialwatch.db</c> becomes <c>Data Source=&lt;volume&gt;/socialwatch.db</c>.
    /// </summary>
    public static Dictionary<string, string> Environment(DockerfileSpec image, string appFolder, string volumeFolder)
    {
        var volume = image.Volumes.Single();
        return image.Environment.ToDictionary(
            e => e.Key,
            e => MapPath(MapPath(e.Value, image.WorkingDirectory, appFolder), volume, volumeFolder));
    }

    public static ImageRun Start(DockerfileSpec image, IReadOnlyList<string> command, string appFolder, string volumeFolder, string home, IReadOnlyDictionary<string, string> extra)
    {
        var argv = image.Entrypoint.Concat(command).ToList();
        var asApp = RunningAsRoot && image.User is not ("root" or "0");
        var info = new ProcessStartInfo(asApp ? "setpriv" : argv[0])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asApp)
        {
            foreach (var arg in new[] { $"--reuid={AppUid}", $"--regid={AppUid}", "--clear-groups", "--", argv[0] })
            {
                info.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        // A container sees the image's environment only, not the test runner's (no DOTNET_ENVIRONMENT, no test settings).
        var path = System.Environment.GetEnvironmentVariable("PATH");
        info.Environment.Clear();
        info.Environment["PATH"] = path;
        info.Environment["HOME"] = home;
        foreach (var (key, value) in Environment(image, appFolder, volumeFolder).Concat(extra))
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var run = new ImageRun(process);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Gives a folder to the image's user, as a volume created from the image would be.</summary>
    public static void GiveToApp(string folder)
    {
        if (RunningAsRoot)
        {
            Run("chown", "-R", $"{AppUid}:{AppUid}", folder);
        }
    }

    public static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>The real uid the host process runs as (setpriv execs into the host, so it is the same process).</summary>
    public int Uid()
    {
        var line = File.ReadAllLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The most resident memory the host process has held so far (VmHWM).</summary>
    public long PeakResidentBytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string MapPath(string value, string imagePath, string hostPath) =>
        Regex.Replace(value, $"(?<![\\w/.]){Regex.Escape(imagePath.TrimEnd('/'))}(?=/|$|[\\s;\"'])", hostPath.Replace("$", "$$", StringComparison.Ordinal));
}
