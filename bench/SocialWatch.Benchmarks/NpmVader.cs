using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Runs the npm vader-sentiment package (bench/vader-npm) on texts written to a temporary file: a second, independent
/// VADER baseline beside our C# port. Installs the package with `npm ci` from the lock file when it is missing.
/// </summary>
internal sealed class NpmVader(string scriptDirectory)
{
    public sealed record Throughput(string Package, int Workers, long Mentions, double Seconds, double CpuSeconds, long Negative)
    {
        public double Rate => Mentions / Seconds;
    }

    /// <summary>Finds node and bench/vader-npm; null (with the reason) when this machine cannot run the baseline.</summary>
    public static NpmVader? Find(string repositoryRoot, out string reason)
    {
        var directory = Path.Combine(repositoryRoot, "bench", "vader-npm");
        if (!File.Exists(Path.Combine(directory, "bench.js")))
        {
            reason = $"{directory}/bench.js not found";
            return null;
        }

        if (Run("node", ["--version"], directory, TimeSpan.FromSeconds(30)) is not { ExitCode: 0 })
        {
            reason = "node is not on PATH";
            return null;
        }

        if (!Directory.Exists(Path.Combine(directory, "node_modules", "vader-sentiment")))
        {
            var install = Run("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
            if (install is not { ExitCode: 0 })
            {
                reason = "`npm ci` in bench/vader-npm failed: " + (install?.Error.Trim() ?? "npm is not on PATH");
                return null;
            }
        }

        reason = "";
        return new NpmVader(directory);
    }

    /// <summary>Times the package on <paramref name="texts"/> with <paramref name="workers"/> worker threads.</summary>
    public Throughput Measure(IReadOnlyList<string> texts, int workers)
    {
        var input = WriteTexts(texts);
        try
        {
            var result = Run("node", ["bench.js", "--input", input, "--workers", workers.ToString(CultureInfo.InvariantCulture)], scriptDirectory, TimeSpan.FromMinutes(30))
                ?? throw new InvalidOperationException("node could not be started");
            var json = ResultLine(result);
            var root = json.RootElement;
            return new Throughput(
                root.GetProperty("package").GetString() ?? "vader-sentiment",
                root.GetProperty("workers").GetInt32(),
                root.GetProperty("mentions").GetInt64(),
                root.GetProperty("seconds").GetDouble(),
                root.GetProperty("cpuSeconds").GetDouble(),
                root.GetProperty("negative").GetInt64());
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The package's compound score for each text, in order.</summary>
    public double[] Compounds(IReadOnlyList<string> texts)
    {
        var input = WriteTexts(texts);
        var output = Path.Combine(Path.GetTempPath(), $"sw-vader-npm-{Guid.NewGuid():N}.txt");
        try
        {
            var result = Run("node", ["bench.js", "--input", input, "--scores", output], scriptDirectory, TimeSpan.FromMinutes(10))
                ?? throw new InvalidOperationException("node could not be started");
            ResultLine(result).Dispose();
            var lines = File.ReadAllLines(output);
            if (lines.Length != texts.Count)
            {
                throw new InvalidDataException($"vader-sentiment wrote {lines.Length} scores for {texts.Count} texts");
            }

            return [.. lines.Select(l => double.Parse(l, CultureInfo.InvariantCulture))];
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static JsonDocument ResultLine((int ExitCode, string Output, string Error) result)
    {
        var line = result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (result.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"bench/vader-npm failed (exit {result.ExitCode}): {result.Error.Trim()}");
        }

        return JsonDocument.Parse(line["RESULT ".Length..]);
    }

    /// <summary>One JSON string per line, so a text with a line break stays one text.</summary>
    private static string WriteTexts(IReadOnlyList<string> texts)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sw-vader-npm-{Guid.NewGuid():N}.jsonl");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var text in texts)
        {
            writer.Write(JsonSerializer.Serialize(text));
            writer.Write('\n');
        }

        return path;
    }

    private static (int ExitCode, string Output, string Error)? Run(string file, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
