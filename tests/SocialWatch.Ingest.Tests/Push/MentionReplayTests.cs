using SocialWatch.Ingest.Push;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Push;

[TestClass]
public sealed class MentionReplayTests : IDisposable
{
    private const string File = """
        {"id":"r1","text":"Acme Air lost my wheelchair","author":{"handle":"priya","followers":61200,"verified":true}}
        {"id":"r2","text":"Acme Air crew were lovely"}

        {"id":"r3","text":
        {"id":"","text":"no id"}
        {"id":"r1","text":"Acme Air lost my wheelchair"}
        """;

    private readonly IngestHarness _harness = new(new Dictionary<string, string?>());

    public void Dispose() => _harness.Dispose();

    [TestMethod]
    public async Task Replay_StoresGoodLines_ReportsBadOnesByLineNumber()
    {
        var errors = new StringWriter();

        var result = await Replay().ReplayAsync(new StringReader(File), "Acme Air", errors, CancellationToken.None);

        Assert.AreEqual(new ReplayResult(Lines: 6, Invalid: 2, Stored: 2, Duplicates: 1, Filtered: 0), result);
        var report = errors.ToString();
        StringAssert.Contains(report, "line 4: invalid JSON");
        StringAssert.Contains(report, "line 5: \"id\" is required.");
        Assert.AreEqual("r1,r2", string.Join(",", _harness.Store.Mentions.Select(m => m.Mention.ExternalId)));
        Assert.IsTrue(_harness.Store.Mentions.All(m => m.Mention.Source == "replay"));
        Assert.HasCount(2, _harness.StoredHandler.Received, "replayed mentions are routed like polled ones");
    }

    [TestMethod]
    public async Task Replay_RunTwice_StoresNothingTheSecondTime()
    {
        await Replay().ReplayAsync(new StringReader(File), "Acme Air", TextWriter.Null, CancellationToken.None);

        var second = await Replay().ReplayAsync(new StringReader(File), "Acme Air", TextWriter.Null, CancellationToken.None);

        Assert.AreEqual(0, second.Stored);
        Assert.AreEqual(3, second.Duplicates);
        Assert.HasCount(2, _harness.Store.Mentions);
    }

    [TestMethod]
    public async Task Replay_WithoutABrand_RejectsLinesThatDoNotNameOne()
    {
        var errors = new StringWriter();

        var result = await Replay().ReplayAsync(new StringReader("""{"id":"1","text":"x"}"""), null, errors, CancellationToken.None);

        Assert.AreEqual(1, result.Invalid);
        StringAssert.Contains(errors.ToString(), "line 1: \"brand\" is required.");
    }

    private MentionReplay Replay() => _harness.Get<MentionReplay>();
}
