using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Sources.Bluesky;

// Wire types of Jetstream's JSON events and the app.bsky.feed.post record, mapped to JetstreamPost at the edge.
// Every field is optional here: an event is written by a stranger's PDS and relayed as it is, so the parser checks
// what it needs instead of trusting a shape.

internal sealed class JetstreamEvent
{
    public string? Did { get; set; }

    [JsonPropertyName("time_us")]
    public long? TimeUs { get; set; }

    /// <summary>"commit", "identity" or "account".</summary>
    public string? Kind { get; set; }

    public JetstreamCommit? Commit { get; set; }
}

internal sealed class JetstreamCommit
{
    /// <summary>"create", "update" or "delete".</summary>
    public string? Operation { get; set; }

    public string? Collection { get; set; }

    public string? Rkey { get; set; }

    public string? Cid { get; set; }

    /// <summary>The record on create and update; absent on delete.</summary>
    public PostRecord? Record { get; set; }
}

internal sealed class PostRecord
{
    public string? Text { get; set; }

    public string? CreatedAt { get; set; }

    public List<string>? Langs { get; set; }

    public List<PostFacet>? Facets { get; set; }

    /// <summary>Hashtags given outside the text (at most 8 by the lexicon).</summary>
    public List<string>? Tags { get; set; }

    public PostReply? Reply { get; set; }
}

internal sealed class PostFacet
{
    public FacetIndex? Index { get; set; }

    public List<FacetFeature>? Features { get; set; }
}

/// <summary>A facet's range in UTF-8 bytes of the text, end exclusive.</summary>
internal sealed class FacetIndex
{
    public int ByteStart { get; set; }

    public int ByteEnd { get; set; }
}

internal sealed class FacetFeature
{
    /// <summary>app.bsky.richtext.facet#mention, #link or #tag.</summary>
    [JsonPropertyName("$type")]
    public string? Type { get; set; }

    public string? Did { get; set; }

    public string? Uri { get; set; }

    public string? Tag { get; set; }
}

internal sealed class PostReply
{
    public StrongRef? Root { get; set; }

    public StrongRef? Parent { get; set; }
}

internal sealed class StrongRef
{
    public string? Uri { get; set; }

    public string? Cid { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JetstreamEvent))]
internal sealed partial class JetstreamJsonContext : JsonSerializerContext;
