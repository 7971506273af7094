using SocialWatch.Scoring.Data;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class CsvRowReaderTests
{
    private static List<CsvRow> Read(string csv) => [.. new CsvRowReader(new StringReader(csv)).ReadRows()];

    [TestMethod]
    public void ReadRows_HandlesQuotesEscapedQuotesAndLineBreaks_AndTracksStartLines()
    {
        var rows = Read("a,b\n1,\"x, \"\"y\"\"\"\n2,\"two\nlines\"\r\n3,z");

        Assert.HasCount(4, rows);
        string[] first = ["1", "x, \"y\""];
        string[] second = ["2", "two\nlines"];
        CollectionAssert.AreEqual(first, rows[1].Fields);
        CollectionAssert.AreEqual(second, rows[2].Fields);
        Assert.AreEqual(3, rows[2].Line);
        Assert.AreEqual(5, rows[3].Line);
        Assert.IsTrue(rows.All(r => r.Error is null));
    }

    [TestMethod]
    public void ReadRows_ReportsAQuoteLeftOpen_OnTheLineItStarted()
    {
        var rows = Read("a,b\n1,ok\n2,\"never closed\n3,more\n");

        Assert.HasCount(3, rows);
        Assert.AreEqual("line 3: a quoted field is not closed before the end of the file", rows[2].Error);
    }

    [TestMethod]
    public void ReadRows_SkipsBlankLines()
    {
        var rows = Read("a\n\n1\n\n");

        Assert.HasCount(2, rows);
        Assert.AreEqual(3, rows[1].Line);
    }
}
