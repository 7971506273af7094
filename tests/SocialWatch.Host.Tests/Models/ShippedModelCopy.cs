using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWatch.Host.Tests.Models;

/// <summary>The shipped model under a new version name: another version as far as the store and the hosts can tell.</summary>
internal static class ShippedModelCopy
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "models", "current");

    /// <summary>The version the shipped models/current holds, from its manifest.</summary>
    public static string Version => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "manifest.json")))!["version"]!.GetValue<string>();

    /// <summary>The shipped version's key metrics as `models list` and the admin page print them.</summary>
    public static SocialWatch.Scoring.Models.ModelMetricsSummary Metrics =>
        SocialWatch.Scoring.Models.ModelMetricsSummary.Parse(File.ReadAllText(Path.Combine(Directory, "metrics.json")));

    public static string Format(double? value) => value!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    public static string Create(string version, DateTimeOffset createdAt)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("sw-new-model-").FullName;
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        var manifest = Path.Combine(directory, "manifest.json");
        var node = JsonNode.Parse(File.ReadAllText(manifest))!;
        node["version"] = version;
        node["createdAt"] = JsonSerializer.SerializeToNode(createdAt);
        File.WriteAllText(manifest, node.ToJsonString());
        return directory;
    }
}
