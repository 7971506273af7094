using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>Where the simulated stream stands: ordinary posts emitted so far and polls answered (which place the bursts).</summary>
internal sealed class DemoCursor
{
    public long Emitted { get; set; }

    public long Polls { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DemoCursor))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
