using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Retention;

namespace SocialWatch.Alerts.Tests.Retention;

[TestClass]
public sealed class EraseAuthorDataTests
{
    private readonly InMemoryRetentionStore _store = new();

    private EraseAuthorData Erase => new(_store, _store, _store, new FakeTimeProvider(), NullLogger<EraseAuthorData>.Instance);

    [TestMethod]
    public async Task Execute_ErasesAndAuditsWithAHashInsteadOfTheAuthor()
    {
        _store.MentionsByAuthor[("x", "12345")] = 3;

        var result = await Erase.ExecuteAsync(new EraseAuthorCommand("x", "12345", "admin@acme.test", "GDPR-77"), CancellationToken.None);

        Assert.AreEqual((AuthorErasureOutcome.Found, 3), (result.Outcome, result.Counts.Mentions));
        Assert.IsEmpty(_store.MentionsByAuthor);
        var entry = _store.Audit.Single();
        Assert.AreEqual(("author-erasure", "admin@acme.test", 3, "GDPR-77"), (entry.Action, entry.Actor, entry.Count, entry.Detail));
        Assert.AreEqual(EraseAuthorData.SubjectHash("X", "12345"), entry.Subject);
        Assert.DoesNotContain("12345", entry.Subject);
        var admin = _store.AdminAudit.Single();
        Assert.AreEqual(("admin@acme.test", "privacy", entry.Subject, "3 mentions (request GDPR-77)"), (admin.Actor, admin.Area, admin.Subject, admin.Detail));
        Assert.DoesNotContain("12345", admin.Action + admin.Detail);
    }

    [TestMethod]
    public async Task Execute_ByHandle_ErasesTheAuthorIdTheHandleBelongsTo()
    {
        _store.MentionsByAuthor[("reddit", "t2_abc")] = 2;
        _store.IdsByHandle[("reddit", "jane_doe")] = ["t2_abc"];

        var result = await Erase.ExecuteAsync(new EraseAuthorCommand("Reddit", "@Jane_Doe", "admin", null), CancellationToken.None);

        Assert.AreEqual((AuthorErasureOutcome.Found, "t2_abc", 2), (result.Outcome, result.AuthorIds.Single(), result.Counts.Mentions));
        Assert.AreEqual(EraseAuthorData.SubjectHash("reddit", "t2_abc"), _store.Audit.Single().Subject);
    }

    [TestMethod]
    public async Task Execute_HandleOfTwoAuthors_ErasesNeither_AndNamesTheIds()
    {
        _store.MentionsByAuthor[("x", "1")] = 1;
        _store.MentionsByAuthor[("x", "2")] = 1;
        _store.IdsByHandle[("x", "jane")] = ["1", "2"];

        var result = await Erase.ExecuteAsync(new EraseAuthorCommand("x", "jane", "admin", null), CancellationToken.None);

        Assert.AreEqual(AuthorErasureOutcome.Ambiguous, result.Outcome);
        Assert.AreEqual("1,2", string.Join(",", result.AuthorIds));
        Assert.AreEqual(0, _store.EraseCalls);
        Assert.IsEmpty(_store.Audit);
    }

    [TestMethod]
    public async Task Execute_UnknownAuthor_ErasesNothing_AndAuditsNothing()
    {
        var result = await Erase.ExecuteAsync(new EraseAuthorCommand("x", "nobody", "admin", null), CancellationToken.None);

        Assert.AreEqual(AuthorErasureOutcome.NothingStored, result.Outcome);
        Assert.IsEmpty(_store.Audit);
        Assert.IsEmpty(_store.AdminAudit);
    }

    [TestMethod]
    public async Task Preview_CountsWithoutErasing()
    {
        _store.MentionsByAuthor[("x", "12345")] = 3;

        var result = await Erase.PreviewAsync("x", "12345", CancellationToken.None);

        Assert.AreEqual((AuthorErasureOutcome.Found, 3), (result.Outcome, result.Counts.Mentions));
        Assert.AreEqual(3, _store.MentionsByAuthor[("x", "12345")]);
        Assert.IsEmpty(_store.Audit);
    }

    [TestMethod]
    [DataRow("", "12345")]
    [DataRow("x", " ")]
    [DataRow("x", "@")]
    [DataRow("x", "two words")]
    [DataRow("x y", "12345")]
    public async Task Execute_BadRequest_IsRefused(string source, string author)
    {
        Assert.IsNotNull(EraseAuthorData.Problem(source, author));

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => Erase.ExecuteAsync(new EraseAuthorCommand(source, author, "admin", null), CancellationToken.None));

        Assert.IsEmpty(_store.Audit);
    }
}
