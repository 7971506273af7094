using SocialWatch.Core.Brands;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Pipeline;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Pipeline;

[TestClass]
public sealed class MentionPipelineTests : IDisposable
{
    private readonly IngestHarness _harness = new(new Dictionary<string, string?>());
    private readonly Brand _brand = new() { Name = IngestHarness.Brand, ExcludedTerms = ["anvil"] };

    public void Dispose() => _harness.Dispose();

    [TestMethod]
    public async Task Process_DedupesWithinThePage_FiltersAndStoresWithTheCursor()
    {
        var mentions = new[] { Sample("1", "lost bag"), Sample("1", "lost bag again"), Sample("2", "broken anvil"), Sample("3", "late") };

        var result = await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, mentions, "c1", null), CancellationToken.None);

        Assert.AreEqual(4, result.Received);
        Assert.AreEqual(1, result.Filtered);
        Assert.AreEqual(1, result.Duplicates);
        Assert.AreEqual(2, result.Stored);
        Assert.AreEqual("2", string.Join(",", _harness.Scorer.BatchSizes), "one scoring call for the page, after filtering");
        Assert.AreEqual("c1", await _harness.Store.GetCursorAsync("q", CancellationToken.None));
        Assert.AreEqual("lost bag", _harness.Store.Mentions.Single(m => m.Mention.ExternalId == "1").Mention.Text);
    }

    [TestMethod]
    public async Task Process_CountsReceivedAndStoredMentionsPerSource_OnTheIngestMeter()
    {
        Mention Metered(string id) => Sample(id, "late again") with { Source = "metered" };

        await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Metered("1"), Metered("2"), Metered("3")], "c1", null), CancellationToken.None);
        await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Metered("3")], "c2", "c1"), CancellationToken.None);

        // Read the totals as an exporter does when it collects.
        var counted = new List<(string Instrument, long Value)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "source" && Equals(tag.Value, "metered"))
                {
                    counted.Add((instrument.Name, value));
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.AreEqual(4, counted.Single(c => c.Instrument == "received").Value);
        Assert.AreEqual(3, counted.Single(c => c.Instrument == "stored").Value, "the repeated post is received, not stored again");
    }

    [TestMethod]
    public async Task Process_HandsOnlyNewlyInsertedMentionsToTheStoredHandlers()
    {
        await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Sample("1", "a")], "c1", null), CancellationToken.None);

        var second = await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Sample("1", "a"), Sample("2", "b")], "c2", "c1"), CancellationToken.None);

        Assert.AreEqual(1, second.Duplicates);
        Assert.AreEqual("1,2", string.Join(",", _harness.StoredHandler.Received.Select(m => m.Mention.ExternalId)));
    }

    [TestMethod]
    public async Task Process_EmptyPageThatMovesTheCursor_StillCommitsTheCursor()
    {
        await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [], "c1", null), CancellationToken.None);

        Assert.AreEqual("c1", await _harness.Store.GetCursorAsync("q", CancellationToken.None));
        Assert.IsEmpty(_harness.Scorer.BatchSizes);
    }

    [TestMethod]
    public async Task Process_WhenTheStoreFails_ThrowsAndLeavesTheCursor()
    {
        _harness.Store.FailNextStores = 1;

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(
            () => Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Sample("1", "a")], "c1", null), CancellationToken.None));

        Assert.IsNull(await _harness.Store.GetCursorAsync("q", CancellationToken.None));
        Assert.IsEmpty(_harness.StoredHandler.Received);
    }

    [TestMethod]
    public async Task Process_ClearsThePagesHandOver_OnceTheHandlersHaveRun()
    {
        await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Sample("1", "a"), Sample("2", "b")], "c1", null), CancellationToken.None);

        Assert.IsTrue(_harness.Store.Batches.Single().HandOver, "a hand-over is asked for when handlers are registered");
        Assert.IsEmpty(_harness.Store.PendingHandOvers);
        Assert.HasCount(2, _harness.StoredHandler.Received);
    }

    [TestMethod]
    public async Task Process_WhenAHandlerFailsAfterTheCommit_ThrowsAndLeavesTheHandOverPending()
    {
        _harness.StoredHandler.FailNextCalls = 1;

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(
            () => Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Sample("1", "a"), Sample("2", "b")], "c1", null), CancellationToken.None));

        Assert.AreEqual("c1", await _harness.Store.GetCursorAsync("q", CancellationToken.None), "the page is committed");
        var pending = _harness.Store.PendingHandOvers.Single();
        CollectionAssert.AreEqual(_harness.Store.Mentions.Select(m => m.Id).ToArray(), pending.MentionIds.ToArray());
    }

    [TestMethod]
    public async Task Process_APageOfDuplicatesOnly_RecordsNoHandOver()
    {
        await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Sample("1", "a")], "c1", null), CancellationToken.None);
        _harness.StoredHandler.FailNextCalls = 1;

        await Pipeline().ProcessAsync(new PipelineBatch("q", _brand, [Sample("1", "a")], "c2", "c1"), CancellationToken.None);

        Assert.IsEmpty(_harness.Store.PendingHandOvers);
        Assert.AreEqual(1, _harness.StoredHandler.FailNextCalls, "no new rows, so the handlers were not called");
    }

    private MentionPipeline Pipeline() => _harness.Get<MentionPipeline>();

    private static Mention Sample(string id, string text) => new()
    {
        Source = "x",
        ExternalId = id,
        Brand = IngestHarness.Brand,
        Text = text,
        Author = MentionAuthor.Unknown,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
