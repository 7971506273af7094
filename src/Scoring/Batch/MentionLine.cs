using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Data;

namespace SocialWatch.Scoring.Batch;

/// <summary>One input line as written in a JSONL file (the `score` contract plus optional labels and context).</summary>
internal sealed class MentionLine
{
    [JsonConverter(typeof(IdTextConverter))]
    public string? Id { get; set; }

    public string? Text { get; set; }

    public string? Source { get; set; }

    public string? CreatedAt { get; set; }

    public string? Lang { get; set; }

    public string? Url { get; set; }

    public AuthorLine? Author { get; set; }

    public MetricsLine? Metrics { get; set; }

    public VelocityLine? Velocity { get; set; }

    public HistoryLine? History { get; set; }

    public string? Sentiment { get; set; }

    public bool? Complaint { get; set; }

    public bool? Escalate { get; set; }
}

internal sealed class AuthorLine
{
    [JsonConverter(typeof(IdTextConverter))]
    public string? Id { get; set; }

    public string? Handle { get; set; }

    public long? Followers { get; set; }

    public bool? Verified { get; set; }
}

internal sealed class MetricsLine
{
    public long? Likes { get; set; }

    public long? Reposts { get; set; }

    public long? Replies { get; set; }

    public long? Quotes { get; set; }
}

/// <summary>Optional: engagement growth from refresh snapshots.</summary>
internal sealed class VelocityLine
{
    public double? RepostsPerHour { get; set; }

    public double? EngagementPerHour { get; set; }

    public double? DoublingMinutes { get; set; }
}

/// <summary>Optional: the author's earlier complaints to the brand.</summary>
internal sealed class HistoryLine
{
    public int? ComplaintsLast7Days { get; set; }

    public int? ComplaintsLast30Days { get; set; }

    public int? ResolvedCases { get; set; }
}

/// <summary>
/// An id as its text: a JSON string as the string, a number exactly as written, anything else (null, true, an
/// object) as no id. Read straight off the reader, so no JSON document is built per line.
/// </summary>
internal sealed class IdTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.HasValueSequence
                    ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
                    : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(MentionLine))]
internal sealed partial class MentionLineJsonContext : JsonSerializerContext;

/// <summary>A parsed input record: either a mention (with any labels) or the reason it was rejected.</summary>
internal sealed record ParsedMention(int Line, string? Id)
{
    public LabeledMention? Mention { get; init; }

    public string? Error { get; init; }
}

internal static class MentionLineParser
{
    /// <summary>
    /// Longest text accepted. The longest posts on the supported networks (Reddit self-posts) stop at 40,000
    /// characters; anything longer is not a mention and is rejected rather than silently cut.
    /// </summary>
    public const int MaxTextLength = 40_000;

    /// <summary>A doubling time beyond a year says "not growing"; longer ones would overflow a <see cref="TimeSpan"/>.</summary>
    private const double MaxDoublingMinutes = 525_600;

    /// <param name="now">The run's clock, for the latest accepted post date; null accepts any date after <see cref="MentionBounds.Earliest"/>.</param>
    public static ParsedMention Parse(string json, int line, DateTimeOffset? now = null)
    {
        MentionLine? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, MentionLineJsonContext.Default.MentionLine);
        }
        catch (JsonException ex)
        {
            var id = SalvageId(json);
            return new ParsedMention(line, id) { Error = $"line {line}: invalid JSON ({Describe(ex)}){IdSuffix(id)}" };
        }

        if (dto is null)
        {
            return new ParsedMention(line, null) { Error = $"line {line}: expected a JSON object, found null" };
        }

        return Build(line, dto.Id, dto, now);
    }

    /// <summary>Parses a line given as the file's UTF-8 bytes; invalid UTF-8 is read as a text reader would (U+FFFD).</summary>
    public static ParsedMention Parse(ReadOnlySpan<byte> utf8, int line, DateTimeOffset? now = null)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return Parse(System.Text.Encoding.UTF8.GetString(utf8), line, now);
        }

        MentionLine? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8, MentionLineJsonContext.Default.MentionLine);
        }
        catch (JsonException ex)
        {
            var id = SalvageId(utf8);
            return new ParsedMention(line, id) { Error = $"line {line}: invalid JSON ({Describe(ex)}){IdSuffix(id)}" };
        }

        if (dto is null)
        {
            return new ParsedMention(line, null) { Error = $"line {line}: expected a JSON object, found null" };
        }

        return Build(line, dto.Id, dto, now);
    }

    public static ParsedMention Build(int line, string? id, MentionLine dto, DateTimeOffset? now = null)
    {
        if (string.IsNullOrWhiteSpace(dto.Text))
        {
            var what = dto.Text is null ? "missing \"text\"" : "\"text\" is empty";
            return new ParsedMention(line, id) { Error = $"line {line}: {what}{IdSuffix(id)}" };
        }

        if (dto.Text.Length > MaxTextLength)
        {
            return new ParsedMention(line, id)
            {
                Error = string.Create(CultureInfo.InvariantCulture,
                    $"line {line}: text is {dto.Text.Length:N0} characters, over the {MaxTextLength:N0} limit{IdSuffix(id)}"),
            };
        }

        SentimentLabel? sentiment = null;
        if (dto.Sentiment is not null)
        {
            sentiment = SharedDatasets.ParseSentiment(dto.Sentiment);
            if (sentiment is null)
            {
                return new ParsedMention(line, id)
                {
                    Error = $"line {line}: \"sentiment\" must be negative, neutral or positive{IdSuffix(id)}",
                };
            }
        }

        var metrics = dto.Metrics is { } m
            ? new EngagementMetrics(m.Likes ?? 0, m.Reposts ?? 0, m.Replies ?? 0, m.Quotes ?? 0)
            : default;
        DateTimeOffset? createdAt = DateTimeOffset.TryParse(dto.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var c)
            ? c
            : null;
        var bounds = MentionBounds.Check(dto.Author?.Followers ?? 0, metrics, createdAt, now ?? DateTimeOffset.MaxValue);
        if (bounds.Count > 0)
        {
            return new ParsedMention(line, id) { Error = $"line {line}: {string.Join(" ", bounds)}{IdSuffix(id)}" };
        }

        if (dto.Velocity is { } rate && !(double.IsFinite(rate.RepostsPerHour ?? 0) && double.IsFinite(rate.EngagementPerHour ?? 0)
            && double.IsFinite(rate.DoublingMinutes ?? 0) && (rate.DoublingMinutes ?? 0) <= MaxDoublingMinutes))
        {
            return new ParsedMention(line, id) { Error = $"line {line}: \"velocity\" values must be finite numbers{IdSuffix(id)}" };
        }

        var author = dto.Author is { } a
            ? new MentionAuthor(a.Id ?? "", a.Handle ?? "", null, a.Followers ?? 0, a.Verified ?? false)
            : null;
        var velocity = dto.Velocity is { } v
            ? new EngagementVelocity(v.RepostsPerHour ?? 0, v.EngagementPerHour ?? 0,
                v.DoublingMinutes is > 0 and var dm ? TimeSpan.FromMinutes(dm) : null)
            : null;
        var history = dto.History is { } h
            ? new AuthorHistory(h.ComplaintsLast7Days ?? 0, h.ComplaintsLast30Days ?? 0, h.ResolvedCases ?? 0)
            : null;
        var input = new ScoringInput(dto.Text)
        {
            Author = author,
            Metrics = metrics,
            Velocity = velocity,
            History = history,
            CreatedAt = createdAt,
        };
        return new ParsedMention(line, id)
        {
            Mention = new LabeledMention(input)
            {
                Sentiment = sentiment,
                Complaint = dto.Complaint,
                Escalate = dto.Escalate,
                Origin = "file",
            },
        };
    }

    /// <summary>Reads the id off a line that is not valid JSON as a whole, so its error line can still be matched up.</summary>
    private static string? SalvageId(string json) => SalvageId(System.Text.Encoding.UTF8.GetBytes(json));

    private static string? SalvageId(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            var depth = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        depth++;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName when depth == 1 && reader.ValueTextEquals("id"u8):
                        reader.Read();
                        return reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                            _ => null,
                        };
                    default:
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The id comes after the point where the line breaks.
        }

        return null;
    }

    private static string IdSuffix(string? id) => id is null ? "" : $" (id {Truncate(id)})";

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Describe(JsonException ex)
    {
        // System.Text.Json messages end with a path and position; the byte position is what helps here.
        var where = ex.BytePositionInLine is { } pos ? $"at character {pos + 1}" : "";
        var first = ex.Message.Split(". ", 2)[0];
        return where.Length > 0 ? $"{first.TrimEnd('.')}, {where}" : first;
    }
}
