using System.Text.Json.Serialization;

namespace SocialWatch.Ingest.Push;

/// <summary>
/// A mention as other systems send it (push endpoint, replay file): the documented input line
/// <c>{"id","text", optional "source","createdAt","lang","url","author":{…},"metrics":{…}}</c> plus <c>"brand"</c>.
/// </summary>
public sealed class MentionInput
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Brand { get; set; }
    public string? Source { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? Lang { get; set; }
    public string? Url { get; set; }
    public MentionInputAuthor? Author { get; set; }
    public MentionInputMetrics? Metrics { get; set; }
}

public sealed class MentionInputAuthor
{
    public string? Id { get; set; }
    public string? Handle { get; set; }
    public string? Name { get; set; }
    public long Followers { get; set; }
    public bool Verified { get; set; }
}

public sealed class MentionInputMetrics
{
    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Replies { get; set; }
    public long Quotes { get; set; }
}

/// <summary>The problems of one input item, by its position in the request (or its line in a file).</summary>
public sealed record MentionInputError(int Index, string? Id, IReadOnlyList<string> Errors);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(MentionInput))]
[JsonSerializable(typeof(List<MentionInput>))]
internal sealed partial class MentionInputJsonContext : JsonSerializerContext;
