using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Digests;
using SocialWatch.Storage;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>
/// The digest subscription and run stores, written once and run against every dialect that can run here,
/// on databases migrated with the production scripts.
/// </summary>
public abstract class DigestStoreContract
{
    private TestDatabase? _database;
    private ServiceProvider? _services;
    private IDigestSubscriptionStore? _subscriptions;
    private IDigestRunStore? _runs;

    protected abstract StorageProvider Provider { get; }

    private IDigestSubscriptionStore Subscriptions => _subscriptions!;

    private IDigestRunStore Runs => _runs!;

    [TestInitialize]
    public async Task OpenAsync()
    {
        _database = await DigestServices.OpenAsync(Provider, "digest_store");
        _services = DigestServices.Build(_database, TimeProvider.System);
        _subscriptions = _services.GetRequiredService<IDigestSubscriptionStore>();
        _runs = _services.GetRequiredService<IDigestRunStore>();
    }

    [TestCleanup]
    public async Task CloseAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task Create_ThenGet_RoundTripsEveryField()
    {
        var subscription = Daily("America/New_York", new TimeOnly(7, 15)) with
        {
            Recipients = ["a@example.com", "b@example.com"],
            Brands = ["Acme Air", "O'Brien & Sons"],
            Cadence = DigestCadence.Weekly,
            WeeklyOn = DayOfWeek.Thursday,
            Enabled = false,
            CreatedAt = Utc(2026, 1, 2, 3, 4),
            UpdatedAt = Utc(2026, 1, 2, 3, 5),
        };

        var created = await Subscriptions.CreateAsync(subscription, CancellationToken.None);
        var read = await Subscriptions.GetAsync(created.Id, CancellationToken.None);

        Assert.IsGreaterThan(0L, created.Id);
        Assert.IsNotNull(read);
        Assert.AreEqual(subscription with { Id = created.Id, Recipients = read.Recipients, Brands = read.Brands }, read);
        Assert.AreEqual("a@example.com,b@example.com", string.Join(",", read.Recipients));
        Assert.AreEqual("Acme Air|O'Brien & Sons", string.Join("|", read.Brands));
    }

    [TestMethod]
    public async Task Update_And_Delete_ReportWhetherTheSubscriptionExisted()
    {
        var created = await Subscriptions.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);

        var updated = await Subscriptions.UpdateAsync(created with { Name = "Renamed", Cadence = DigestCadence.Custom, Cron = "0 6 * * 1" }, CancellationToken.None);
        var missingUpdate = await Subscriptions.UpdateAsync(created with { Id = created.Id + 100 }, CancellationToken.None);
        var afterUpdate = await Subscriptions.GetAsync(created.Id, CancellationToken.None);
        var deleted = await Subscriptions.DeleteAsync(created.Id, CancellationToken.None);
        var deletedAgain = await Subscriptions.DeleteAsync(created.Id, CancellationToken.None);

        Assert.IsTrue(updated);
        Assert.IsFalse(missingUpdate);
        Assert.AreEqual("Renamed", afterUpdate!.Name);
        Assert.AreEqual("0 6 * * 1", afterUpdate.Cron);
        Assert.IsTrue(deleted);
        Assert.IsFalse(deletedAgain);
        Assert.IsEmpty(await Subscriptions.ListAsync(CancellationToken.None));
    }

    [TestMethod]
    public async Task TryClaim_SamePeriodTwice_OnlyTheFirstWins()
    {
        var subscription = await Subscriptions.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);

        var first = await Runs.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        var second = await Runs.TryClaimAsync(Run(subscription.Id), CancellationToken.None);

        Assert.IsNotNull(first);
        Assert.AreEqual(DigestRunState.Sending, first.State);
        Assert.AreEqual(1, first.Attempts);
        Assert.IsNull(second);
    }

    [TestMethod]
    public async Task TryClaim_AfterAFailure_ClaimsAgain_ButNeverAfterSent()
    {
        var subscription = await Subscriptions.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);
        var first = await Runs.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        await Runs.MarkFailedAsync(first!.Id, Utc(2026, 6, 10, 8, 1), "550 refused", CancellationToken.None);

        var failed = await Runs.GetAsync(subscription.Id, Utc(2026, 6, 10, 8, 0), CancellationToken.None);
        var retry = await Runs.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        await Runs.MarkSentAsync(retry!.Id, Utc(2026, 6, 10, 8, 5), CancellationToken.None);
        var afterSent = await Runs.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        var sent = await Runs.GetAsync(subscription.Id, Utc(2026, 6, 10, 8, 0), CancellationToken.None);

        Assert.AreEqual(DigestRunState.Failed, failed!.State);
        Assert.AreEqual("550 refused", failed.LastError);
        Assert.AreEqual(first.Id, retry.Id);
        Assert.AreEqual(2, retry.Attempts);
        Assert.IsNull(afterSent);
        Assert.AreEqual(DigestRunState.Sent, sent!.State);
        Assert.AreEqual(Utc(2026, 6, 10, 8, 5), sent.SentAt);
        Assert.IsNull(sent.LastError);
    }

    [TestMethod]
    public async Task List_ReturnsWhatEachDigestCovered_NewestFirst()
    {
        var subscription = await Subscriptions.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);
        await Runs.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        await Runs.TryClaimAsync(Run(subscription.Id) with { PeriodStart = Utc(2026, 6, 10, 8, 0), PeriodEnd = Utc(2026, 6, 11, 8, 0), Mentions = 7 }, CancellationToken.None);

        var runs = await Runs.ListAsync(subscription.Id, 10, CancellationToken.None);

        Assert.HasCount(2, runs);
        Assert.AreEqual(Utc(2026, 6, 11, 8, 0), runs[0].PeriodEnd);
        Assert.AreEqual(7, runs[0].Mentions);
        Assert.AreEqual(Utc(2026, 6, 9, 8, 0), runs[1].PeriodStart);
        Assert.AreEqual("acme", runs[1].Brands.Single());
        Assert.AreEqual("lead@example.com", runs[1].Recipients.Single());
    }

    private static DigestRun Run(long subscriptionId) => new()
    {
        SubscriptionId = subscriptionId,
        PeriodStart = Utc(2026, 6, 9, 8, 0),
        PeriodEnd = Utc(2026, 6, 10, 8, 0),
        State = DigestRunState.Sending,
        Recipients = ["lead@example.com"],
        Brands = ["acme"],
        Subject = "SocialWatch digest",
        MessageId = "digest.1.1@socialwatch",
        Mentions = 3,
        NegativeMentions = 1,
        AlertsOpened = 2,
        UpdatedAt = Utc(2026, 6, 10, 8, 0),
    };
}

[TestClass]
public sealed class SqliteDigestStoreTests : DigestStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

[TestClass]
public sealed class PostgreSqlDigestStoreTests : DigestStoreContract
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}

[TestClass]
public sealed class SqlServerDigestStoreTests : DigestStoreContract
{
    protected override StorageProvider Provider => StorageProvider.SqlServer;
}
