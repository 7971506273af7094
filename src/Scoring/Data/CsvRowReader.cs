using System.Text;

namespace SocialWatch.Scoring.Data;

/// <summary>One CSV record: its fields and the line it starts on (1-based, counting the header).</summary>
internal readonly record struct CsvRow(int Line, string[] Fields, string? Error);

/// <summary>
/// RFC 4180 reader: comma separated, fields optionally in double quotes, "" for a quote inside quotes, line breaks
/// allowed inside quotes. Tracks the line each record starts on so errors can name it. A quote left open at the end
/// of the file is reported as an error row rather than swallowing the rest silently.
/// </summary>
internal sealed class CsvRowReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    public IEnumerable<CsvRow> ReadRows()
    {
        var fields = new List<string>();
        while (true)
        {
            var start = _line;
            fields.Clear();
            _field.Clear();
            var inQuotes = false;
            var quotedField = false;
            var sawAnything = false;
            string? error = null;
            while (true)
            {
                var c = reader.Read();
                if (c == -1)
                {
                    if (inQuotes)
                    {
                        error = $"line {start}: a quoted field is not closed before the end of the file";
                    }

                    if (!sawAnything)
                    {
                        yield break;
                    }

                    fields.Add(_field.ToString());
                    yield return new CsvRow(start, [.. fields], error);
                    yield break;
                }

                sawAnything = true;
                var ch = (char)c;
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _field.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            _line++;
                        }

                        _field.Append(ch);
                    }

                    continue;
                }

                if (ch == '"' && _field.Length == 0 && !quotedField)
                {
                    inQuotes = true;
                    quotedField = true;
                }
                else if (ch == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    quotedField = false;
                }
                else if (ch is '\r' or '\n')
                {
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    _line++;
                    fields.Add(_field.ToString());
                    if (fields.Count == 1 && fields[0].Length == 0 && !quotedField)
                    {
                        break; // blank line
                    }

                    yield return new CsvRow(start, [.. fields], error);
                    break;
                }
                else if (quotedField)
                {
                    // Text after a closing quote: keep it, but the row is malformed.
                    error ??= $"line {start}: unexpected character after a closing quote";
                    _field.Append(ch);
                }
                else
                {
                    _field.Append(ch);
                }
            }
        }
    }
}
