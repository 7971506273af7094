using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Brands;

namespace SocialWatch.Alerts.Tests.Retention;

[TestClass]
public sealed class RetentionPurgeJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task Run_PurgesOnlyBrandsWithRetention_InBatches_AndAuditsEachBrand()
    {
        var store = new InMemoryRetentionStore();
        store.MentionsByBrand["acme"] = [.. Enumerable.Range(0, RetentionPurgeJob.BatchSize + 7).Select(i => Now.AddDays(-40)), Now.AddDays(-5)];
        store.MentionsByBrand["globex"] = [Now.AddDays(-400)];
        var brands = new FixedBrands(new Brand { Name = "acme", Retention = TimeSpan.FromDays(30) }, new Brand { Name = "globex" });
        var job = new RetentionPurgeJob(brands, store, store, new FakeTimeProvider(Now), NullLogger<RetentionPurgeJob>.Instance);

        await job.RunAsync(CancellationToken.None);

        Assert.HasCount(1, store.MentionsByBrand["acme"]);
        Assert.HasCount(1, store.MentionsByBrand["globex"]);
        Assert.AreEqual(2, store.PurgeCalls);
        var entry = store.Audit.Single();
        Assert.AreEqual(("retention-purge", "acme", RetentionPurgeJob.BatchSize + 7, Now), (entry.Action, entry.Subject, entry.Count, entry.At));
    }

    private sealed class FixedBrands(params Brand[] brands) : IBrandDirectory
    {
        public ValueTask<BrandSet> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new BrandSet([.. brands.Select(b => new BrandEntry(b, null))]));

        public void Invalidate()
        {
        }
    }
}
