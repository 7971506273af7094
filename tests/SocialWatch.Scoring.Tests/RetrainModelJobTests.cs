using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Retrain;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Tests.Support;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class RetrainModelJobTests
{
    private sealed class InMemoryFeedbackStore(IEnumerable<FeedbackLabel> labels) : IFeedbackStore
    {
        private readonly List<FeedbackLabel> _labels = [.. labels];

        public Task<long> AddAsync(FeedbackLabel label, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<FeedbackLabel>> GetAsync(long afterId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FeedbackLabel>>(_labels.Where(l => l.Id > afterId).OrderBy(l => l.Id).Take(limit).ToList());
    }

    private sealed class NoOutcomes : IEscalationOutcomeStore
    {
        public Task<IReadOnlyList<EscalationOutcome>> GetAsync(EscalationOutcomeQuery query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EscalationOutcome>>([]);
    }

    private static (RetrainModelJob Job, MentionScorer Scorer, SharedModels Models, InMemoryModelVersionStore Store) Create(IEnumerable<FeedbackLabel> labels, int minHeldOut)
    {
        var root = Directory.CreateTempSubdirectory("sw-retrain-").FullName;
        var current = Path.Combine(root, "current");
        Directory.CreateDirectory(current);
        foreach (var file in Directory.GetFiles(TrainedModelFixture.ModelDirectory))
        {
            File.Copy(file, Path.Combine(current, Path.GetFileName(file)));
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var scorer = MentionScorer.Load(current);
        var options = Options.Create(new ScoringOptions
        {
            ModelDirectory = current,
            ModelCacheDirectory = Path.Combine(root, "cache"),
            TrainingDataDirectory = TrainedModelFixture.DataDirectory,
            MinHeldOutLabels = minHeldOut,
        });
        var store = new InMemoryModelVersionStore();
        var models = new SharedModels(store, scorer, options, time, NullLogger<SharedModels>.Instance);
        var job = new RetrainModelJob(new InMemoryFeedbackStore(labels), new NoOutcomes(), models, scorer, options, time, NullLogger<RetrainModelJob>.Instance);
        return (job, scorer, models, store);
    }

    /// <summary>Brand complaints that read neutral to a generic model: exactly what feedback has to teach.</summary>
    private static IEnumerable<FeedbackLabel> BrandFeedback(int count)
    {
        string[] complaints = ["parcel {0} sat in the depot since tuesday", "invoice {0} shows a fee nobody mentioned", "meter {0} estimated, nobody came", "router {0} blinks red since monday"];
        string[] praise = ["cheers, parcel {0} came early", "kudos to the crew, invoice {0} sorted"];
        for (var i = 0; i < count; i++)
        {
            var complaint = i % 3 != 2;
            var template = complaint ? complaints[i % complaints.Length] : praise[i % praise.Length];
            yield return new FeedbackLabel
            {
                Id = i + 1,
                Text = "@acme " + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, i + 3),
                Sentiment = complaint ? SentimentLabel.Negative : SentimentLabel.Positive,
                Complaint = complaint,
                Origin = "correction",
            };
        }
    }

    [TestMethod]
    public async Task RunAsync_Skips_WhenTooFewLabelsAreHeldOut()
    {
        var (job, scorer, _, store) = Create(BrandFeedback(10), minHeldOut: 50);
        var before = scorer.ModelVersion;

        var outcome = await job.RunAsync(CancellationToken.None);

        Assert.IsTrue(outcome.Skipped);
        Assert.AreEqual(before, scorer.ModelVersion);
        Assert.IsEmpty(await store.ListAsync(CancellationToken.None));
    }

    [TestMethod]
    public async Task RunAsync_StoresTheCandidate_AndPromotesItForTheCluster_OnlyWhenItBeatsTheCurrentModelOnHeldOutFeedback()
    {
        var (job, scorer, models, store) = Create(BrandFeedback(300), minHeldOut: 10);
        var before = scorer.ModelVersion;
        await models.EnsureSeededAsync(CancellationToken.None);

        var outcome = await job.RunAsync(CancellationToken.None);

        Assert.IsFalse(outcome.Skipped);
        Assert.IsNotNull(outcome.Promotion);
        Assert.AreEqual(outcome.CandidateQuality > outcome.CurrentQuality, outcome.Promotion.Promoted, outcome.Promotion.Reason);
        Assert.IsGreaterThan(outcome.CurrentQuality!.Value, outcome.CandidateQuality!.Value, "in-domain labels teach the candidate what the generic model misses");
        Assert.AreEqual(outcome.CandidateVersion, scorer.ModelVersion);
        Assert.AreEqual(new PromotedModel(outcome.CandidateVersion!, before, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), "retrain"), await store.GetPromotedAsync(CancellationToken.None));
        var stored = await store.ListAsync(CancellationToken.None);
        Assert.AreEqual($"{outcome.CandidateVersion} retrain|{before} import", string.Join("|", stored.Select(v => $"{v.Version} {v.CreatedBy}")));
        Assert.IsNotNull(ModelMetricsSummary.Parse(stored[0].MetricsJson).ComplaintAuc, "the candidate's metrics.json is stored with it");
        StringAssert.StartsWith(scorer.Directory, models.CacheDirectory, "the promoted version runs from the cache, not the app folder");
        Assert.AreNotEqual(before, scorer.ModelVersion);

        var restored = await models.RollbackAsync("admin.ada", CancellationToken.None);

        Assert.AreEqual(before, restored.Version);
        Assert.AreEqual(before, scorer.ModelVersion, "the running scorer serves the restored model");
    }

    [TestMethod]
    public void IsHeldOut_IsStableForTheSameText()
    {
        var first = RetrainModelJob.IsHeldOut("@acme 3 hours on hold", 5);

        var second = RetrainModelJob.IsHeldOut("@acme 3 hours on hold", 5);

        Assert.AreEqual(first, second);
    }
}
