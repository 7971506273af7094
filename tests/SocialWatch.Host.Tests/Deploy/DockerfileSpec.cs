using System.Text;
using System.Text.Json;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>
/// The final stage of deploy/Dockerfile as the tests need it: what the image runs, as whom, where, with which
/// environment, port, volume and health check. Only the instruction forms the Dockerfile uses are read; anything
/// else fails loudly, so the file cannot grow a form the contract test silently ignores.
/// </summary>
internal sealed record DockerfileSpec(
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<int> ExposedPorts,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Command,
    string User,
    string WorkingDirectory,
    IReadOnlyList<string> Volumes,
    IReadOnlyList<string> HealthCheck)
{
    public static DockerfileSpec Load(string path) => Parse(File.ReadAllText(path));

    public static DockerfileSpec Parse(string text)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var ports = new List<int>();
        var volumes = new List<string>();
        IReadOnlyList<string> entrypoint = [], command = [], health = [];
        string user = "root", workdir = "/";
        foreach (var (instruction, argument) in Instructions(text))
        {
            switch (instruction)
            {
                case "FROM":
                    // Only the last stage is the image that runs.
                    env.Clear();
                    ports.Clear();
                    volumes.Clear();
                    (entrypoint, command, health, user, workdir) = ([], [], [], "root", "/");
                    break;
                case "ENV":
                    foreach (var (key, value) in EnvPairs(argument))
                    {
                        env[key] = value;
                    }

                    break;
                case "EXPOSE":
                    ports.AddRange(argument.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case "VOLUME":
                    volumes.AddRange(argument.TrimStart().StartsWith('[') ? JsonArray(argument) : argument.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "ENTRYPOINT":
                    entrypoint = JsonArray(argument);
                    break;
                case "CMD":
                    command = JsonArray(argument);
                    break;
                case "USER":
                    user = argument.Trim();
                    break;
                case "WORKDIR":
                    workdir = argument.Trim();
                    break;
                case "HEALTHCHECK":
                    var at = argument.IndexOf("CMD ", StringComparison.Ordinal);
                    health = at < 0 ? throw new FormatException("HEALTHCHECK without CMD.") : JsonArray(argument[(at + 4)..]);
                    break;
                case "RUN" or "COPY" or "ARG" or "LABEL":
                    break;
                default:
                    throw new FormatException($"Dockerfile instruction {instruction} is not understood by the contract test.");
            }
        }

        return new DockerfileSpec(env, ports, entrypoint, command, user, workdir, volumes, health);
    }

    /// <summary>The port of <c>ASPNETCORE_URLS</c> (one URL).</summary>
    public int ListenPort => new Uri(Environment["ASPNETCORE_URLS"].Replace("+", "localhost", StringComparison.Ordinal)).Port;

    private static IEnumerable<(string Instruction, string Argument)> Instructions(string text)
    {
        var logical = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical.Append(line[..^1]).Append(' ');
                continue;
            }

            logical.Append(line);
            var full = logical.ToString().Trim();
            logical.Clear();
            if (full.Length == 0)
            {
                continue;
            }

            var space = full.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0 ? (full.ToUpperInvariant(), "") : (full[..space].ToUpperInvariant(), full[(space + 1)..].Trim());
        }
    }

    private static string[] JsonArray(string argument) =>
        JsonSerializer.Deserialize<string[]>(argument.Trim()) ?? throw new FormatException($"Not a JSON array: {argument}");

    /// <summary><c>key=value key2="value with spaces"</c>; the legacy <c>ENV key value</c> form is refused.</summary>
    private static IEnumerable<(string Key, string Value)> EnvPairs(string argument)
    {
        var i = 0;
        while (i < argument.Length)
        {
            while (i < argument.Length && char.IsWhiteSpace(argument[i]))
            {
                i++;
            }

            if (i == argument.Length)
            {
                yield break;
            }

            var equals = argument.IndexOf('=', i);
            if (equals < 0)
            {
                throw new FormatException($"ENV needs key=value pairs: {argument}");
            }

            var key = argument[i..equals];
            i = equals + 1;
            var value = new StringBuilder();
            var quoted = false;
            for (; i < argument.Length && (quoted || !char.IsWhiteSpace(argument[i])); i++)
            {
                if (argument[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (argument[i] == '\\' && i + 1 < argument.Length)
                {
                    value.Append(argument[++i]);
                }
                else
                {
                    value.Append(argument[i]);
                }
            }

            yield return (key, value.ToString());
        }
    }
}
