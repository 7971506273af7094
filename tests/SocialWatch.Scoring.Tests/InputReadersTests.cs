using System.Text;
using SocialWatch.Scoring.Batch;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class InputReadersTests
{
    [TestMethod]
    public void Read_Jsonl_GivesWhatATextReaderGives_ForAwkwardBytes()
    {
        var bytes = AwkwardJsonl();

        var records = Records(bytes, out var skipped);
        var expected = TextReaderRecords(bytes, out var expectedSkipped);

        CollectionAssert.AreEqual(expected, records);
        CollectionAssert.AreEqual(expectedSkipped, skipped);
        Assert.IsGreaterThan(1_000, records.Count);
    }

    [TestMethod]
    public void Read_Jsonl_InUtf16WithByteOrderMark_ReadsTheSameRecords()
    {
        var text = "{\"id\":1,\"text\":\"caf\u00e9 on hold\"}\r\n\r\n{\"id\":\"b\",\"text\":\"\ud83d\ude21 again\"}";
        var utf8 = Encoding.UTF8.GetBytes(text);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var fromUtf16 = Records(utf16, out var skipped);

        CollectionAssert.AreEqual(Records(utf8, out _), fromUtf16);
        Assert.HasCount(2, fromUtf16);
        Assert.AreEqual("1|caf\u00e9 on hold||1", fromUtf16[0]);
        Assert.AreEqual("3|\ud83d\ude21 again||b", fromUtf16[1]);
        Assert.AreEqual("line 2: blank line skipped", skipped.Single());
    }

    private static List<string> Records(byte[] bytes, out List<string> skipped)
    {
        var problems = new List<string>();
        using var stream = new MemoryStream(bytes);
        var records = InputReaders.Read(stream, csv: false, problems.Add).Select(r => Describe(r.Parse())).ToList();
        skipped = problems;
        return records;
    }

    /// <summary>The line splitting and decoding of StreamReader.ReadLine, which the byte reader must match.</summary>
    private static List<string> TextReaderRecords(byte[] bytes, out List<string> skipped)
    {
        skipped = [];
        var records = new List<string>();
        using var reader = new StreamReader(new MemoryStream(bytes));
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                skipped.Add($"line {line}: blank line skipped");
                continue;
            }

            records.Add(Describe(ScoreInputLines.Parse(text, line)));
        }

        return records;
    }

    private static string Describe(ParsedMention m) => $"{m.Line}|{m.Mention?.Input.Text}|{m.Error}|{m.Id}";

    /// <summary>
    /// A UTF-8 byte order mark, \n, \r\n and lone \r breaks, blank and whitespace-only lines, invalid UTF-8, ids as
    /// numbers, null and objects, broken JSON, and line breaks that fall on and around the reader's 64 KiB block edges.
    /// </summary>
    private static byte[] AwkwardJsonl()
    {
        var output = new MemoryStream();
        output.Write([0xEF, 0xBB, 0xBF]);
        string[] breaks = ["\n", "\r\n", "\r"];
        var random = new Random(7);
        for (var i = 0; i < 3_000; i++)
        {
            var padding = new string('x', random.Next(0, 120));
            var line = (i % 11) switch
            {
                0 => "",
                1 => "   \t ",
                2 => "\u00a0\u2003",
                3 => $"{{\"id\":{i}.50,\"text\":\"on hold {padding}\"}}",
                4 => $"{{\"id\":null,\"text\":\"caf\u00e9 \ud83d\ude21 {padding}\"}}",
                5 => $"{{\"id\":{{\"x\":1}},\"text\":\"refund {padding}\"}}",
                6 => $"{{\"id\":\"m{i}\",\"text\": \"broken",
                _ => $"{{\"id\":\"m{i}\",\"text\":\"line {i} {padding}\",\"author\":{{\"id\":{i},\"followers\":{i * 7}}}}}",
            };
            output.Write(Encoding.UTF8.GetBytes(line));
            if (i % 97 == 5)
            {
                output.Write([0xFF, 0xC3]); // invalid UTF-8 after the line's JSON
            }

            // Put some breaks exactly on a block edge: a lone \r or the \r of \r\n as the block's last byte.
            var position = output.Length;
            var edge = ((position / 65_536) + 1) * 65_536;
            if (edge - position is > 0 and < 200 && i % 2 == 0)
            {
                output.Write(Encoding.UTF8.GetBytes(new string(' ', (int)(edge - position - 1))));
                output.Write(Encoding.UTF8.GetBytes(i % 4 == 0 ? "\r\n" : "\r"));
                continue;
            }

            output.Write(Encoding.UTF8.GetBytes(breaks[random.Next(breaks.Length)]));
        }

        output.Write(Encoding.UTF8.GetBytes("{\"id\":\"last\",\"text\":\"no line break at the end\"}"));
        return output.ToArray();
    }
}
