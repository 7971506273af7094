using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWatch.Host.Tests.Models;

/// <summary>The shipped model under a new version name: another version as far as the store and the hosts can tell.</summary>
internal static class ShippedModelCopy
{
    public static string Create(string version, DateTimeOffset createdAt)
    {
        var directory = Directory.CreateTempSubdirectory("sw-new-model-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "models", "current")))
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
