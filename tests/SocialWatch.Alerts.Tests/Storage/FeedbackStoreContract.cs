using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>What every <see cref="IFeedbackStore"/> must do, whatever the dialect.</summary>
public abstract class FeedbackStoreContract : StoreContract
{
    private IFeedbackStore Store => Get<IFeedbackStore>();

    [TestMethod]
    public async Task Add_ThenGet_RoundTripsEveryField()
    {
        var full = new FeedbackLabel
        {
            Text = "<img src=x onerror=alert(1)> '; DROP TABLE feedback_labels;-- «ünïcödé» 😡",
            Brand = "acme",
            Sentiment = SentimentLabel.Negative,
            Complaint = true,
            Escalate = false,
            Origin = "correction",
            MentionId = 42,
            Actor = "agent.ana",
            CreatedAt = T0,
        };
        var sparse = new FeedbackLabel { Text = "only text", CreatedAt = T0.AddSeconds(1) };

        var fullId = await Store.AddAsync(full, None);
        var sparseId = await Store.AddAsync(sparse, None);
        var labels = await Store.GetAsync(0, 10, None);

        Assert.IsGreaterThan(fullId, sparseId);
        Assert.HasCount(2, labels);
        Assert.AreEqual(full with { Id = fullId }, labels[0]);
        Assert.AreEqual(sparse with { Id = sparseId }, labels[1]);
        Assert.AreEqual("import", labels[1].Origin);
    }

    [TestMethod]
    public async Task Get_PagesAfterAnId_OldestFirst()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Store.AddAsync(new FeedbackLabel { Text = $"label {i}", CreatedAt = T0 }, None));
        }

        var first = await Store.GetAsync(0, 2, None);
        var next = await Store.GetAsync(first[^1].Id, 2, None);
        var last = await Store.GetAsync(ids[^1], 2, None);

        Assert.AreEqual("label 0|label 1", string.Join("|", first.Select(l => l.Text)));
        Assert.AreEqual("label 2|label 3", string.Join("|", next.Select(l => l.Text)));
        Assert.IsEmpty(last);
    }
}

[TestClass]
public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlFeedbackStoreTests : FeedbackStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("feedback_store");
}

[TestClass]
public sealed class SqlServerFeedbackStoreTests : FeedbackStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
