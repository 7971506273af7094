using System.Globalization;
using SocialWatch.Scoring.Data;

namespace SocialWatch.Scoring.Batch;

/// <summary>An input record before parsing: a raw JSON line, or a CSV row already split into fields.</summary>
internal abstract record RawRecord(int Line)
{
    public abstract ParsedMention Parse();
}

internal sealed record JsonRecord(int Line, string Json) : RawRecord(Line)
{
    public override ParsedMention Parse() => MentionLineParser.Parse(Json, Line);
}

internal sealed record CsvRecord(int Line, string? Id, MentionLine? Fields, string? Error) : RawRecord(Line)
{
    public override ParsedMention Parse() =>
        Error is not null || Fields is null
            ? new ParsedMention(Line, Id) { Error = Error ?? $"line {Line}: unreadable row" }
            : MentionLineParser.Build(Line, Id, Fields);
}

/// <summary>Reads the records of a JSONL or CSV file in order. The format follows the extension.</summary>
internal static class InputReaders
{
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Yields records; blank JSONL lines are reported through <paramref name="onSkipped"/> and not yielded.</summary>
    public static IEnumerable<RawRecord> Read(Stream stream, bool csv, Action<string> onSkipped) =>
        csv ? ReadCsv(stream) : ReadJsonLines(stream, onSkipped);

    private static IEnumerable<RawRecord> ReadJsonLines(Stream stream, Action<string> onSkipped)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                onSkipped($"line {line}: blank line skipped");
                continue;
            }

            yield return new JsonRecord(line, text);
        }
    }

    private static IEnumerable<RawRecord> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        Dictionary<string, int>? columns = null;
        var width = 0;
        foreach (var row in new CsvRowReader(reader).ReadRows())
        {
            if (columns is null)
            {
                columns = row.Fields.Select((h, i) => (Name: h.Trim().TrimStart('\uFEFF').ToLowerInvariant().Replace(".", "_", StringComparison.Ordinal), Index: i))
                    .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Index);
                width = row.Fields.Length;
                if (!columns.ContainsKey("id") || !columns.ContainsKey("text"))
                {
                    throw new InvalidDataException(
                        $"line {row.Line}: CSV header must name at least the columns id and text; found: {string.Join(",", row.Fields)}");
                }

                continue;
            }

            string? Field(string name) => columns.TryGetValue(name, out var i) && i < row.Fields.Length ? row.Fields[i] : null;
            var id = Field("id");
            if (row.Error is not null)
            {
                yield return new CsvRecord(row.Line, id, null, row.Error);
                continue;
            }

            if (row.Fields.Length != width)
            {
                yield return new CsvRecord(row.Line, id, null,
                    $"line {row.Line}: {row.Fields.Length} fields where the header has {width}");
                continue;
            }

            var fields = new MentionLine
            {
                Text = Field("text"),
                Source = Field("source"),
                CreatedAt = Field("createdat") ?? Field("created_at"),
                Lang = Field("lang"),
                Url = Field("url"),
                Sentiment = NullIfEmpty(Field("sentiment")),
                Complaint = ParseBool(Field("complaint")),
                Escalate = ParseBool(Field("escalate")),
            };
            var followers = ParseLong(Field("author_followers") ?? Field("followers"));
            var handle = Field("author_handle") ?? Field("handle");
            var verified = ParseBool(Field("author_verified") ?? Field("verified"));
            if (followers is not null || handle is not null || verified is not null)
            {
                fields.Author = new AuthorLine { Handle = handle, Followers = followers, Verified = verified };
            }

            var likes = ParseLong(Field("likes") ?? Field("metrics_likes"));
            var reposts = ParseLong(Field("reposts") ?? Field("metrics_reposts"));
            var replies = ParseLong(Field("replies") ?? Field("metrics_replies"));
            var quotes = ParseLong(Field("quotes") ?? Field("metrics_quotes"));
            if (likes is not null || reposts is not null || replies is not null || quotes is not null)
            {
                fields.Metrics = new MetricsLine { Likes = likes, Reposts = reposts, Replies = replies, Quotes = quotes };
            }

            yield return new CsvRecord(row.Line, id, fields, null);
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static long? ParseLong(string? s) =>
        long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool? ParseBool(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };
}
