using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Retention;

namespace SocialWatch.Alerts.Tests.Retention;

[TestClass]
public sealed class EraseAuthorDataTests
{
    [TestMethod]
    public async Task Execute_ErasesAndAuditsWithAHashInsteadOfTheAuthor()
    {
        var store = new InMemoryRetentionStore();
        store.MentionsByAuthor[("x", "12345")] = 3;
        var erase = new EraseAuthorData(store, store, new FakeTimeProvider(), NullLogger<EraseAuthorData>.Instance);

        var count = await erase.ExecuteAsync(new EraseAuthorCommand("x", "12345", "admin@acme.test", "GDPR-77"), CancellationToken.None);

        Assert.AreEqual(3, count);
        Assert.IsEmpty(store.MentionsByAuthor);
        var entry = store.Audit.Single();
        Assert.AreEqual(("author-erasure", "admin@acme.test", 3, "GDPR-77"), (entry.Action, entry.Actor, entry.Count, entry.Detail));
        Assert.AreEqual(EraseAuthorData.SubjectHash("X", "12345"), entry.Subject);
        Assert.DoesNotContain("12345", entry.Subject);
    }

    [TestMethod]
    public async Task Execute_MissingAuthor_IsRefused()
    {
        var store = new InMemoryRetentionStore();
        var erase = new EraseAuthorData(store, store, new FakeTimeProvider(), NullLogger<EraseAuthorData>.Instance);

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => erase.ExecuteAsync(new EraseAuthorCommand("x", " ", "admin", null), CancellationToken.None));

        Assert.IsEmpty(store.Audit);
    }
}
