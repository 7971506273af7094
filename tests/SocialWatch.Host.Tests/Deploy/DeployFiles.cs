using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>The files under deploy/, read from the checkout the tests were built from.</summary>
internal static class DeployFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Deploy => Path.Combine(RepositoryRoot, "deploy");

    public static DockerfileSpec Dockerfile() => DockerfileSpec.Load(Path.Combine(Deploy, "Dockerfile"));

    /// <summary>Every YAML document in the file, merge keys (<c>&lt;&lt;: *anchor</c>) applied, as dictionaries and lists.</summary>
    public static IReadOnlyList<Dictionary<object, object>> ReadYaml(string path)
    {
        using var reader = new StreamReader(path);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<Dictionary<object, object>>(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object> Map(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var value) && value is Dictionary<object, object> child
            ? child
            : throw new KeyNotFoundException($"No mapping '{key}'.");

    public static Dictionary<object, object>? MapOrNull(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var value) ? value as Dictionary<object, object> : null;

    public static List<object> List(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var value) && value is List<object> list ? list : [];

    public static string? Text(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var value) && value is not IEnumerable or string ? value?.ToString() : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No SocialWatch.sln above {AppContext.BaseDirectory}.");
    }
}
