using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Digests.Sqlite;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class SqliteDigestStoreTests : IDisposable
{
    private readonly DigestSqliteDatabase _database = new();
    private readonly SqliteDigestStore _store;

    public SqliteDigestStoreTests() => _store = new SqliteDigestStore(_database.ConnectionString);

    public void Dispose() => _database.Dispose();

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

        var created = await _store.CreateAsync(subscription, CancellationToken.None);
        var read = await _store.GetAsync(created.Id, CancellationToken.None);

        Assert.IsGreaterThan(0L, created.Id);
        Assert.IsNotNull(read);
        Assert.AreEqual(subscription with { Id = created.Id, Recipients = read.Recipients, Brands = read.Brands }, read);
        Assert.AreEqual("a@example.com,b@example.com", string.Join(",", read.Recipients));
        Assert.AreEqual("Acme Air|O'Brien & Sons", string.Join("|", read.Brands));
    }

    [TestMethod]
    public async Task Update_And_Delete_ReportWhetherTheSubscriptionExisted()
    {
        var created = await _store.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);

        var updated = await _store.UpdateAsync(created with { Name = "Renamed", Cadence = DigestCadence.Custom, Cron = "0 6 * * 1" }, CancellationToken.None);
        var missingUpdate = await _store.UpdateAsync(created with { Id = created.Id + 100 }, CancellationToken.None);
        var afterUpdate = await _store.GetAsync(created.Id, CancellationToken.None);
        var deleted = await _store.DeleteAsync(created.Id, CancellationToken.None);
        var deletedAgain = await _store.DeleteAsync(created.Id, CancellationToken.None);

        Assert.IsTrue(updated);
        Assert.IsFalse(missingUpdate);
        Assert.AreEqual("Renamed", afterUpdate!.Name);
        Assert.AreEqual("0 6 * * 1", afterUpdate.Cron);
        Assert.IsTrue(deleted);
        Assert.IsFalse(deletedAgain);
        Assert.IsEmpty(await _store.ListAsync(CancellationToken.None));
    }

    [TestMethod]
    public async Task TryClaim_SamePeriodTwice_OnlyTheFirstWins()
    {
        var subscription = await _store.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);

        var first = await _store.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        var second = await _store.TryClaimAsync(Run(subscription.Id), CancellationToken.None);

        Assert.IsNotNull(first);
        Assert.AreEqual(DigestRunState.Sending, first.State);
        Assert.AreEqual(1, first.Attempts);
        Assert.IsNull(second);
    }

    [TestMethod]
    public async Task TryClaim_AfterAFailure_ClaimsAgain_ButNeverAfterSent()
    {
        var subscription = await _store.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);
        var first = await _store.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        await _store.MarkFailedAsync(first!.Id, Utc(2026, 6, 10, 8, 1), "550 refused", CancellationToken.None);

        var failed = await _store.GetAsync(subscription.Id, Utc(2026, 6, 10, 8, 0), CancellationToken.None);
        var retry = await _store.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        await _store.MarkSentAsync(retry!.Id, Utc(2026, 6, 10, 8, 5), CancellationToken.None);
        var afterSent = await _store.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        var sent = await _store.GetAsync(subscription.Id, Utc(2026, 6, 10, 8, 0), CancellationToken.None);

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
        var subscription = await _store.CreateAsync(Daily("UTC", new TimeOnly(8, 0)), CancellationToken.None);
        await _store.TryClaimAsync(Run(subscription.Id), CancellationToken.None);
        await _store.TryClaimAsync(Run(subscription.Id) with { PeriodStart = Utc(2026, 6, 10, 8, 0), PeriodEnd = Utc(2026, 6, 11, 8, 0), Mentions = 7 }, CancellationToken.None);

        var runs = await _store.ListAsync(subscription.Id, 10, CancellationToken.None);

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
