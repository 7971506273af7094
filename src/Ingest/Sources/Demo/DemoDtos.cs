using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>One line of the bundled sample file, in the same shape as push and replay input plus a "viral" flag.</summary>
internal sealed class DemoSample
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Lang { get; set; }
    public DemoAuthor? Author { get; set; }
    public DemoMetrics? Metrics { get; set; }

    /// <summary>Samples whose engagement keeps climbing on refresh, so the escalation dashboard has something to show.</summary>
    public bool Viral { get; set; }
}

internal sealed class DemoAuthor
{
    public string Id { get; set; } = "";
    public string Handle { get; set; } = "";
    public string? Name { get; set; }
    public long Followers { get; set; }
    public bool Verified { get; set; }
}

internal sealed class DemoMetrics
{
    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Replies { get; set; }
    public long Quotes { get; set; }
}

/// <summary>How many samples have been emitted so far; the next poll continues from there, round after round.</summary>
internal sealed class DemoCursor
{
    public long Emitted { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DemoSample))]
[JsonSerializable(typeof(DemoCursor))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
