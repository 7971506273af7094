using System.Globalization;
using SocialWatch.Core.Mentions;
using SocialWatch.Scoring.Data;

namespace SocialWatch.Scoring.Batch;

/// <summary>An input record before parsing: a raw JSON line, or a CSV row already split into fields.</summary>
internal abstract record RawRecord(int Line)
{
    /// <param name="now">The run's clock, for the latest accepted post date; null accepts any date after 2000.</param>
    public abstract ParsedMention Parse(DateTimeOffset? now = null);
}

internal sealed record JsonRecord(int Line, string Json) : RawRecord(Line)
{
    public override ParsedMention Parse(DateTimeOffset? now = null) => ScoreInputLines.Parse(Json, Line, now);
}

/// <summary>A JSONL line kept as the file's UTF-8 bytes (a slice of a shared block), parsed without a string copy.</summary>
internal sealed record Utf8JsonRecord(int Line, ReadOnlyMemory<byte> Json) : RawRecord(Line)
{
    public override ParsedMention Parse(DateTimeOffset? now = null) => ScoreInputLines.Parse(Json.Span, Line, now);
}

internal sealed record CsvRecord(int Line, string? Id, MentionLine? Fields, string? Error) : RawRecord(Line)
{
    public override ParsedMention Parse(DateTimeOffset? now = null) =>
        Error is not null || Fields is null
            ? new ParsedMention(Line, Id) { Error = Error ?? $"line {Line}: unreadable row" }
            : ScoreInputLines.Build(Line, Id, Fields, now);
}

/// <summary>Reads the records of a JSONL or CSV file in order. The format follows the extension.</summary>
internal static class InputReaders
{
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Yields records; blank JSONL lines are reported through <paramref name="onSkipped"/> and not yielded.</summary>
    public static IEnumerable<RawRecord> Read(Stream stream, bool csv, Action<string> onSkipped) =>
        csv ? ReadCsv(stream) : ReadJsonLines(stream, onSkipped);

    private const int BlockSize = 1 << 16; // under the large-object threshold: blocks die young with their lines

    /// <summary>
    /// Splits the file into lines as <see cref="StreamReader.ReadLine"/> does (\n, \r or \r\n; a UTF-8 byte order mark
    /// skipped) but keeps each line as bytes in a block shared by many lines, so no string is made per line.
    /// A file that starts with a UTF-16 or UTF-32 byte order mark is read through a StreamReader instead.
    /// </summary>
    private static IEnumerable<RawRecord> ReadJsonLines(Stream stream, Action<string> onSkipped)
    {
        var block = new byte[BlockSize];
        var filled = ReadAtLeast(stream, block, 0, 4);
        if (filled >= 2 && ((block[0] == 0xFF && block[1] == 0xFE) || (block[0] == 0xFE && block[1] == 0xFF)
            || (filled >= 4 && block[0] == 0 && block[1] == 0 && block[2] == 0xFE && block[3] == 0xFF)))
        {
            foreach (var record in ReadJsonLinesAsText(new ConcatenatedStream(block.AsMemory(0, filled), stream), onSkipped))
            {
                yield return record;
            }

            yield break;
        }

        var start = filled >= 3 && block[0] == 0xEF && block[1] == 0xBB && block[2] == 0xBF ? 3 : 0;
        var line = 0;
        var skipLineFeed = false; // the previous line ended with \r: a \n right after it belongs to the same break
        var atEnd = false;
        while (true)
        {
            // Whole lines in block[start..filled]; the unfinished tail moves to a fresh block, as earlier lines still use this one.
            var span = block.AsSpan(start, filled - start);
            if (skipLineFeed && span.Length > 0)
            {
                if (span[0] == (byte)'\n')
                {
                    start++;
                    span = span[1..];
                }

                skipLineFeed = false;
            }

            var end = span.IndexOfAny((byte)'\n', (byte)'\r');
            var terminator = end >= 0 ? span[end] : (byte)0;
            if (end >= 0 || (atEnd && span.Length > 0))
            {
                var length = end >= 0 ? end : span.Length;
                line++;
                var record = LineRecord(block.AsMemory(start, length), line, onSkipped);
                if (record is not null)
                {
                    yield return record;
                }

                if (end < 0)
                {
                    yield break;
                }

                start += end + 1;
                if (terminator == (byte)'\r')
                {
                    if (start < filled)
                    {
                        if (block[start] == (byte)'\n')
                        {
                            start++;
                        }
                    }
                    else
                    {
                        skipLineFeed = true;
                    }
                }

                continue;
            }

            if (atEnd)
            {
                yield break;
            }

            var tail = filled - start;
            var next = new byte[Math.Max(BlockSize, tail * 2)];
            block.AsSpan(start, tail).CopyTo(next);
            block = next;
            start = 0;
            filled = tail;
            var read = stream.Read(block, filled, block.Length - filled);
            atEnd = read == 0;
            filled += read;
        }
    }

    private static Utf8JsonRecord? LineRecord(ReadOnlyMemory<byte> bytes, int line, Action<string> onSkipped)
    {
        // Only a line without a visible ASCII character can be blank; decode just those to judge them like ReadLine's text.
        if (bytes.Span.IndexOfAnyInRange((byte)0x21, (byte)0x7E) < 0 && string.IsNullOrWhiteSpace(System.Text.Encoding.UTF8.GetString(bytes.Span)))
        {
            onSkipped($"line {line}: blank line skipped");
            return null;
        }

        return new Utf8JsonRecord(line, bytes);
    }

    private static int ReadAtLeast(Stream stream, byte[] buffer, int offset, int minimum)
    {
        var total = 0;
        while (total < minimum)
        {
            var read = stream.Read(buffer, offset + total, buffer.Length - offset - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static IEnumerable<RawRecord> ReadJsonLinesAsText(Stream stream, Action<string> onSkipped)
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
                fields.Author = new MentionLineAuthor { Handle = handle, Followers = followers, Verified = verified };
            }

            var likes = ParseLong(Field("likes") ?? Field("metrics_likes"));
            var reposts = ParseLong(Field("reposts") ?? Field("metrics_reposts"));
            var replies = ParseLong(Field("replies") ?? Field("metrics_replies"));
            var quotes = ParseLong(Field("quotes") ?? Field("metrics_quotes"));
            if (likes is not null || reposts is not null || replies is not null || quotes is not null)
            {
                fields.Metrics = new MentionLineMetrics { Likes = likes, Reposts = reposts, Replies = replies, Quotes = quotes };
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

/// <summary>Bytes already read from the start of a stream, followed by the rest of the stream.</summary>
internal sealed class ConcatenatedStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _head = head;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_head.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, _head.Length);
        _head.Span[..n].CopyTo(buffer);
        _head = _head[n..];
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
