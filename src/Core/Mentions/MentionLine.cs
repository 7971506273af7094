using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Core.Mentions;

/// <summary>
/// One mention in the documented input shape, as push, replay and the <c>score</c> verb read it:
/// <c>{"id","text", optional "brand","source","createdAt","lang","url","author":{"id","handle","name","followers","verified"},
/// "metrics":{"likes","reposts","replies","quotes"}}</c>, plus what <c>score</c> also reads (velocity, history, labels).
/// An id may be a JSON string or number (a number is kept exactly as written).
/// </summary>
public sealed class MentionLine
{
    [JsonConverter(typeof(IdTextConverter))]
    public string? Id { get; set; }

    public string? Text { get; set; }

    public string? Brand { get; set; }

    public string? Source { get; set; }

    /// <summary>As sent; read by <see cref="MentionLines.Check"/>, which refuses text that is not a date.</summary>
    public string? CreatedAt { get; set; }

    public string? Lang { get; set; }

    public string? Url { get; set; }

    public MentionLineAuthor? Author { get; set; }

    public MentionLineMetrics? Metrics { get; set; }

    public MentionLineVelocity? Velocity { get; set; }

    public MentionLineHistory? History { get; set; }

    public string? Sentiment { get; set; }

    public bool? Complaint { get; set; }

    public bool? Escalate { get; set; }

    public EngagementMetrics EngagementMetrics => Metrics is { } m ? new EngagementMetrics(m.Likes ?? 0, m.Reposts ?? 0, m.Replies ?? 0, m.Quotes ?? 0) : default;
}

public sealed class MentionLineAuthor
{
    [JsonConverter(typeof(IdTextConverter))]
    public string? Id { get; set; }

    public string? Handle { get; set; }

    public string? Name { get; set; }

    public long? Followers { get; set; }

    public bool? Verified { get; set; }
}

public sealed class MentionLineMetrics
{
    public long? Likes { get; set; }

    public long? Reposts { get; set; }

    public long? Replies { get; set; }

    public long? Quotes { get; set; }
}

/// <summary>Optional (score): engagement growth from refresh snapshots.</summary>
public sealed class MentionLineVelocity
{
    public double? RepostsPerHour { get; set; }

    public double? EngagementPerHour { get; set; }

    public double? DoublingMinutes { get; set; }
}

/// <summary>Optional (score): the author's earlier complaints to the brand.</summary>
public sealed class MentionLineHistory
{
    public int? ComplaintsLast7Days { get; set; }

    public int? ComplaintsLast30Days { get; set; }

    public int? ResolvedCases { get; set; }
}

/// <summary>A line read: the mention, or why its JSON could not be read (with the id salvaged from it, if any).</summary>
public sealed record MentionLineRead(MentionLine? Line, string? JsonError, string? SalvagedId);

/// <summary>
/// The one reader and checker of mention lines. Bounds and messages are the same whoever sends the line: push answers
/// them in a 400, replay reports them by line number, <c>score</c> writes them as the line's error.
/// </summary>
public static class MentionLines
{
    /// <summary>
    /// Longest text accepted. The longest posts on the supported networks (Reddit self-posts) stop at 40,000
    /// characters; anything longer is not a mention and is refused rather than silently cut.
    /// </summary>
    public const int MaxTextLength = 40_000;

    /// <summary>A doubling time beyond a year says "not growing"; longer ones would overflow a <see cref="TimeSpan"/>.</summary>
    public const double MaxDoublingMinutes = 525_600;

    /// <summary>Reads one JSONL line.</summary>
    public static MentionLineRead Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, MentionLineJsonContext.Default.MentionLine) is { } line
                ? new MentionLineRead(line, null, line.Id)
                : new MentionLineRead(null, "expected a JSON object, found null", null);
        }
        catch (JsonException ex)
        {
            return new MentionLineRead(null, $"invalid JSON ({Describe(ex)})", SalvageId(System.Text.Encoding.UTF8.GetBytes(json)));
        }
    }

    /// <summary>Reads one line given as UTF-8 bytes; invalid UTF-8 is read as a text reader would (U+FFFD).</summary>
    public static MentionLineRead Read(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return Read(System.Text.Encoding.UTF8.GetString(utf8));
        }

        try
        {
            return JsonSerializer.Deserialize(utf8, MentionLineJsonContext.Default.MentionLine) is { } line
                ? new MentionLineRead(line, null, line.Id)
                : new MentionLineRead(null, "expected a JSON object, found null", null);
        }
        catch (JsonException ex)
        {
            return new MentionLineRead(null, $"invalid JSON ({Describe(ex)})", SalvageId(utf8));
        }
    }

    /// <summary>Reads a request body holding one mention object or an array of them. Throws <see cref="JsonException"/> for malformed JSON.</summary>
    public static IReadOnlyList<MentionLine?> ReadBody(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.StartArray => JsonSerializer.Deserialize(json, MentionLineJsonContext.Default.ListMentionLine) ?? [],
            JsonTokenType.StartObject => [JsonSerializer.Deserialize(json, MentionLineJsonContext.Default.MentionLine)],
            _ => throw new JsonException("The body must be a mention object or an array of mention objects."),
        };
    }

    /// <summary>
    /// The problems of the fields every reader shares (text, numbers, date, velocity), one message per field; empty
    /// when there are none. Checks that belong to one reader (push's id, brand and source; score's labels) stay with it.
    /// </summary>
    /// <param name="now">The reader's clock, for the latest accepted post date.</param>
    /// <param name="createdAt">The post date read, or null when the line gives none (or an unreadable one).</param>
    public static IReadOnlyList<string> Check(MentionLine line, DateTimeOffset now, out DateTimeOffset? createdAt)
    {
        ArgumentNullException.ThrowIfNull(line);
        var errors = new List<string>();
        if (line.Text is null)
        {
            errors.Add("\"text\" is required.");
        }
        else if (string.IsNullOrWhiteSpace(line.Text))
        {
            errors.Add("\"text\" is empty.");
        }
        else if (line.Text.Length > MaxTextLength)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"\"text\" is {line.Text.Length:N0} characters, over the {MaxTextLength:N0} limit."));
        }

        createdAt = null;
        if (line.CreatedAt is { } sent)
        {
            if (DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                createdAt = at;
            }
            else
            {
                errors.Add("\"createdAt\" must be a date and time such as 2026-03-01T09:30:00Z.");
            }
        }

        errors.AddRange(MentionBounds.Check(line.Author?.Followers ?? 0, line.EngagementMetrics, createdAt, now));
        if (line.Velocity is { } rate && !(double.IsFinite(rate.RepostsPerHour ?? 0) && double.IsFinite(rate.EngagementPerHour ?? 0)
            && double.IsFinite(rate.DoublingMinutes ?? 0) && (rate.DoublingMinutes ?? 0) <= MaxDoublingMinutes))
        {
            errors.Add("\"velocity\" values must be finite numbers.");
        }

        return errors;
    }

    /// <summary>Reads the id off a line that is not valid JSON as a whole, so its error can still be matched up.</summary>
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

    private static string Describe(JsonException ex)
    {
        // System.Text.Json messages end with a path and position; the byte position is what helps here.
        var where = ex.BytePositionInLine is { } pos ? $"at character {pos + 1}" : "";
        var first = ex.Message.Split(". ", 2)[0];
        return where.Length > 0 ? $"{first.TrimEnd('.')}, {where}" : first;
    }
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
[JsonSerializable(typeof(List<MentionLine>))]
internal sealed partial class MentionLineJsonContext : JsonSerializerContext;
