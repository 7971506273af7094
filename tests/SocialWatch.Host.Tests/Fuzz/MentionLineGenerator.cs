using System.Globalization;
using System.Text;

namespace SocialWatch.Host.Tests.Fuzz;

/// <summary>
/// Makes mention lines a stranger or a broken integration might send: mostly well-formed lines with one or more
/// hostile fields, plus broken JSON, deep nesting and invalid UTF-8. The same seed makes the same lines.
/// </summary>
internal sealed class MentionLineGenerator(int seed)
{
    private static readonly string[] s_numbers =
    [
        "0", "1", "42", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "10000000000", "10000000001",
        "1e30", "1.5", "-0", "1e308", "\"12\"", "\"NaN\"", "\"Infinity\"", "NaN", "true", "null", "{}", "[]", "\"\"", "99999999999999999999999",
    ];

    private static readonly string[] s_dates =
    [
        "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"", "\"1999-12-31T23:59:59Z\"", "\"2026-13-45T99:00:00Z\"",
        "\"\"", "12345", "\"now\"", "null", "\"2024-02-29T12:00:00+14:00\"", "\"2024-06-01T08:00:00-12:00\"", "\"2025-01-01\"", "[]",
    ];

    private static readonly string[] s_texts =
    [
        "<script>alert(1)</script>", "'; DROP TABLE mentions; --", "\" OR \"1\"=\"1", "<img src=x onerror=alert(1)>", "Robert'); DELETE FROM alerts;--",
        "\\u202eevil\\u202c", "zero\\u200bwidth", "\\u0000nul", "emoji 😡✈️🧳", "   ", "", "\\ud800 lone surrogate", "{{7*7}} ${jndi:ldap://x}",
        "javascript:alert(1)", "Acme Air lost my bag and nobody answers", "refund refund refund lawyer", "\\n\\r\\t",
    ];

    private static readonly string[] s_urls =
    [
        "\"javascript:alert(1)\"", "\"https://x.example/status/1\"", "\"data:text/html,<b>x</b>\"", "\"http://127.0.0.1:1/\"", "\"//evil\"", "1", "null", "\"\"",
    ];

    private readonly Random _random = new(seed);
    private int _next;

    public IReadOnlyList<byte[]> Generate(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    private byte[] Next()
    {
        _next++;
        return _random.Next(20) switch
        {
            0 => Truncated(),
            1 => Deep(),
            2 => InvalidUtf8(),
            3 => Encoding.UTF8.GetBytes(Pick(["null", "[]", "[null]", "42", "\"text\"", "{}", "[{}]", "", "{\"id\":1}{\"id\":2}"])),
            4 => Encoding.UTF8.GetBytes(WrongTypes()),
            _ => Encoding.UTF8.GetBytes(Mention()),
        };
    }

    private string Mention()
    {
        // A unique id per case (sometimes a repeat, to exercise dedupe), then each field: absent, sane or hostile.
        var id = _random.Next(10) == 0 ? "\"dup\"" : Json($"fuzz-{seed}-{_next}");
        var fields = new List<string> { $"\"id\":{id}", "\"brand\":\"Acme Air\"" };
        var text = _random.Next(10) switch
        {
            0 => new string('x', _random.Next(2) == 0 ? 40_001 : 39_999),
            1 => string.Concat(Enumerable.Repeat(Pick(s_texts), _random.Next(1, 50))),
            _ => Pick(s_texts) + " " + Pick(s_texts),
        };
        fields.Add($"\"text\":\"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        if (_random.Next(3) == 0)
        {
            fields.Add($"\"createdAt\":{Pick(s_dates)}");
        }
        else if (_random.Next(2) == 0)
        {
            var at = DateTimeOffset.UtcNow.AddMinutes(-_random.Next(0, 5_000_000));
            fields.Add($"\"createdAt\":\"{at.ToString("O", CultureInfo.InvariantCulture)}\"");
        }

        if (_random.Next(2) == 0)
        {
            fields.Add($"\"author\":{{\"id\":{Json("a" + _random.Next(1000))},\"handle\":{Json(Pick(s_texts))},\"followers\":{Number()},\"verified\":{Pick(["true", "false", "1", "null"])}}}");
        }

        if (_random.Next(2) == 0)
        {
            fields.Add($"\"metrics\":{{\"likes\":{Number()},\"reposts\":{Number()},\"replies\":{Number()},\"quotes\":{Number()}}}");
        }

        if (_random.Next(4) == 0)
        {
            fields.Add($"\"url\":{Pick(s_urls)}");
        }

        if (_random.Next(6) == 0)
        {
            fields.Add($"\"lang\":{Pick(["\"en\"", "\"xx-very-long-language-tag\"", "5", "\"\""])}");
        }

        if (_random.Next(8) == 0)
        {
            fields.Add($"\"source\":{Pick(["\"x\"", "\"crm\"", "\"UPPER\"", "\"with space\"", "\"" + new string('s', 40) + "\""])}");
        }

        if (_random.Next(8) == 0)
        {
            fields.Add($"\"velocity\":{{\"repostsPerHour\":{Number()},\"doublingMinutes\":{Number()}}}");
        }

        Shuffle(fields);
        return "{" + string.Join(",", fields) + "}";
    }

    /// <summary>A number most of the time, and the odd value of the wrong type.</summary>
    private string Number() => _random.Next(3) == 0 ? Pick(s_numbers) : _random.NextInt64(0, 5_000_000).ToString(CultureInfo.InvariantCulture);

    private string WrongTypes() => Pick(
    [
        "{\"id\":5,\"brand\":\"Acme Air\",\"text\":7}",
        "{\"id\":\"w\",\"brand\":\"Acme Air\",\"text\":\"x\",\"author\":\"someone\"}",
        "{\"id\":\"w\",\"brand\":\"Acme Air\",\"text\":\"x\",\"metrics\":[1,2,3]}",
        "{\"id\":[\"a\"],\"brand\":{\"name\":\"Acme Air\"},\"text\":[\"x\"]}",
        "{\"id\":\"w\",\"brand\":\"Acme Air\",\"text\":\"x\",\"createdAt\":{\"year\":2026}}",
        "{\"id\":\"w\",\"brand\":\"Nope Corp\",\"text\":\"x\"}",
        "{\"id\":\"w\",\"brand\":\"Acme Air\",\"text\":\"x\",\"metrics\":{\"likes\":\"lots\"}}",
        "{\"ID\":\"case\",\"BRAND\":\"Acme Air\",\"TEXT\":\"upper-case names\"}",
    ]);

    private byte[] Truncated()
    {
        var line = Mention();
        return Encoding.UTF8.GetBytes(line[.._random.Next(1, line.Length)]);
    }

    private byte[] Deep()
    {
        var depth = _random.Next(2) == 0 ? _random.Next(2, 60) : _random.Next(60, 5_000);
        var nested = new string('[', depth) + new string(']', depth);
        return Encoding.UTF8.GetBytes($"{{\"id\":{Json($"deep-{seed}-{_next}")},\"brand\":\"Acme Air\",\"text\":\"deep\",\"extra\":{nested}}}");
    }

    private byte[] InvalidUtf8()
    {
        var before = Encoding.UTF8.GetBytes($"{{\"id\":{Json($"utf-{seed}-{_next}")},\"brand\":\"Acme Air\",\"text\":\"bad ");
        byte[][] bad = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]];
        var after = "Acme Air\"}"u8.ToArray();
        return [.. before, .. bad[_random.Next(bad.Length)], .. after];
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private void Shuffle(List<string> values)
    {
        for (var i = values.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
