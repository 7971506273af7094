using SocialWatch.Alerts.Retention;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Retention;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.WorkflowStorage;

/// <summary>
/// Erasing one author and redacting a deleted post, whatever the dialect: every brand's copy, and what the other
/// tables kept of it (snapshots, watch list, alert titles, agents' notes and promises, labels, unsent notifications).
/// </summary>
public abstract class AuthorErasureContract : WorkflowStoreContract
{
    private IRetentionStore Retention => Resolve<IRetentionStore>();

    private IMentionStore Mentions => Resolve<IMentionStore>();

    private IAlertStore Alerts => Resolve<IAlertStore>();

    [TestMethod]
    public async Task Erase_RemovesEveryCopyOfTheAuthor_AndWhatOtherTablesKeptOfThem_CountingEachKind()
    {
        var world = await ArrangeEveAndFrankAsync();

        var preview = await Retention.CountAuthorDataAsync("x", "eve", None);
        var erased = await Retention.EraseAuthorAsync("x", "eve", None);

        var expected = new AuthorDataCounts(Mentions: 3, Snapshots: 2, WatchEntries: 1, Alerts: 1, AlertNotes: 1, Promises: 1, FeedbackLabels: 1, Notifications: 1);
        Assert.AreEqual(expected, preview);
        Assert.AreEqual(expected, erased);
        foreach (var id in world.EveMentions)
        {
            Assert.IsNull(await Mentions.GetMentionAsync(id, None), $"mention {id}");
            Assert.IsEmpty(await Mentions.GetSnapshotsAsync(id, None));
        }

        Assert.IsEmpty(await Mentions.GetMentionsAsync(new MentionQuery { AuthorId = "eve" }, None), "the author index forgets her");
        Assert.IsEmpty(await Retention.FindAuthorIdsAsync("x", "eve", None));
        var alert = (await Alerts.GetAsync(world.EveAlert, None))!;
        Assert.AreEqual((SqlTitles.Erased, (long?)null), (alert.Title, alert.MentionId));
        Assert.IsFalse((await Alerts.GetAuditAsync(world.EveAlert, None)).Any(e => e.Note?.Contains("Eve", StringComparison.Ordinal) == true), "the agent's note about her");
        Assert.DoesNotContain("Eve", (await Resolve<IPromiseStore>().ListForAlertAsync(world.EveAlert, None)).Single().Text);
        Assert.AreEqual(1, await Resolve<INotificationOutbox>().CountPendingAsync(None), "only Frank's notification is left");
        Assert.AreEqual("frank's label", (await Resolve<IFeedbackStore>().GetAsync(0, 10, None)).Single().Text);

        Assert.IsNotNull(await Mentions.GetMentionAsync(world.FrankMention, None));
        Assert.HasCount(1, await Mentions.GetSnapshotsAsync(world.FrankMention, None));
        Assert.AreEqual("@handle: quoted text", (await Alerts.GetAsync(world.FrankAlert, None))!.Title);
        Assert.AreEqual(AuthorDataCounts.None, await Retention.EraseAuthorAsync("x", "eve", None), "a second erasure finds nothing");
    }

    [TestMethod]
    public async Task Erase_FreesTheAlertKey_SoAMentionGivenTheSameIdLaterCanBeAlerted()
    {
        await StoreMentionAsync("1", authorId: "frank");
        var eve = await StoreMentionAsync("2", authorId: "eve");
        var erasedAlert = await CreateAlertAsync(eve);
        await Retention.EraseAuthorAsync("x", "eve", None);

        var next = await StoreMentionAsync("3", authorId: "gus");
        var alert = await CreateAlertAsync(next);

        Assert.AreEqual(next, alert.MentionId);
        Assert.AreNotEqual(erasedAlert.Id, alert.Id);
    }

    [TestMethod]
    public async Task FindAuthorIds_MatchesTheIdOrTheHandleWithoutCase_OnThatSourceOnly()
    {
        await StoreMentionAsync("1", authorId: "eve");
        await Mentions.StoreBatchAsync(new IngestBatch("q-r", [TestMentions.Scored("r1", source: "reddit", authorId: "t2_eve")], "c", null), None);

        Assert.AreEqual("eve", string.Join(",", await Retention.FindAuthorIdsAsync("x", "eve", None)));
        Assert.AreEqual("eve", string.Join(",", await Retention.FindAuthorIdsAsync("x", "@HANDLE_eve", None)));
        Assert.AreEqual("t2_eve", string.Join(",", await Retention.FindAuthorIdsAsync("reddit", "handle_t2_eve", None)));
        Assert.IsEmpty(await Retention.FindAuthorIdsAsync("reddit", "eve", None));
        Assert.IsEmpty(await Retention.FindAuthorIdsAsync("x", "nobody", None));
    }

    [TestMethod]
    public async Task Redact_OfADeletedPost_RemovesTextFromEveryCopy_WithOrWithoutAlert_AndItsSnapshotsLabelsAndNotifications()
    {
        var forAcme = await StoreMentionAsync("9", authorId: "gus");
        var forGlobex = await StoreCopyAsync("9", "gus", "globex");
        var other = await StoreMentionAsync("10", authorId: "gus");
        var alert = await CreateAlertAsync(forAcme);
        await Mentions.AddSnapshotsAsync([new(forAcme, T0, new(5, 5, 5, 5)), new(forGlobex, T0, new(5, 5, 5, 5)), new(other, T0, new(1, 1, 1, 1))], None);
        await Resolve<IFeedbackStore>().AddAsync(new() { Text = "My order never arrived", MentionId = forGlobex, CreatedAt = T0 }, None);
        await Resolve<INotificationOutbox>().EnqueueAsync([new OutboxMessage("webhook", "config:slack", alert.Id, """{"text":"@handle_gus: My order never arrived"}""")], None);

        var redacted = await Mentions.RedactAsync("x", ["9"], None);

        Assert.AreEqual(2, redacted);
        foreach (var id in new[] { forAcme, forGlobex })
        {
            var copy = (await Mentions.GetMentionAsync(id, None))!;
            Assert.AreEqual((true, "", ""), (copy.Redacted, copy.Mention.Text, copy.Mention.Author.Handle), $"copy {id}");
            Assert.IsEmpty(await Mentions.GetSnapshotsAsync(id, None));
        }

        var scrubbed = (await Alerts.GetAsync(alert.Id, None))!;
        Assert.AreEqual((SqlTitles.Redacted, (long?)forAcme), (scrubbed.Title, scrubbed.MentionId), "the alert keeps its link to the redacted row");
        Assert.IsEmpty(await Resolve<IFeedbackStore>().GetAsync(0, 10, None));
        Assert.AreEqual(0, await Resolve<INotificationOutbox>().CountPendingAsync(None));
        Assert.IsFalse((await Mentions.GetMentionAsync(other, None))!.Redacted);
        Assert.HasCount(1, await Mentions.GetSnapshotsAsync(other, None));
        Assert.AreEqual(0, await Mentions.RedactAsync("x", ["9"], None), "a second delete event changes nothing");
    }

    /// <summary>Eve: one post stored for two brands (one copy alerted), one on the watch list; Frank: one alerted post.</summary>
    private async Task<(long[] EveMentions, long EveAlert, long FrankMention, long FrankAlert)> ArrangeEveAndFrankAsync()
    {
        var eveAcme = await StoreMentionAsync("1", authorId: "eve");
        var eveGlobex = await StoreCopyAsync("1", "eve", "globex");
        var eveWatched = await StoreMentionAsync("2", authorId: "eve");
        var frank = await StoreMentionAsync("3", authorId: "frank");
        var eveAlert = await CreateAlertAsync(eveAcme);
        var frankAlert = await CreateAlertAsync(frank);
        await Alerts.ApplyAsync(new AlertChange { AlertId = eveAlert.Id, ExpectedVersion = eveAlert.Version, Actor = "ann", At = T0, AssignedTo = "ann", Note = "Called Eve on 0123 456" }, None);
        await Resolve<IPromiseStore>().AddAsync(new Promise { AlertId = eveAlert.Id, Text = "Call Eve back about the refund", DueAt = T0.AddHours(4), CreatedBy = "ann", CreatedAt = T0 }, None);
        await Resolve<INotificationOutbox>().EnqueueAsync(
        [
            new OutboxMessage("webhook", "config:slack", eveAlert.Id, """{"text":"@handle_eve: My order never arrived"}"""),
            new OutboxMessage("webhook", "config:slack", frankAlert.Id, """{"text":"@handle_frank: My order never arrived"}"""),
        ], None);
        await Mentions.AddSnapshotsAsync([new(eveAcme, T0, new(2, 2, 2, 2)), new(eveGlobex, T0, new(2, 2, 2, 2)), new(frank, T0, new(1, 1, 1, 1))], None);
        await Resolve<IWatchListStore>().EnrolAsync([new WatchEnrolment(eveWatched, "x", "acme", T0, T0.AddDays(2), T0.AddMinutes(5))], None);
        await Resolve<IFeedbackStore>().AddAsync(new() { Text = "eve's label", MentionId = eveWatched, CreatedAt = T0 }, None);
        await Resolve<IFeedbackStore>().AddAsync(new() { Text = "frank's label", MentionId = frank, CreatedAt = T0 }, None);
        return ([eveAcme, eveGlobex, eveWatched], eveAlert.Id, frank, frankAlert.Id);
    }

    /// <summary>The same post stored for another brand, through that brand's own query.</summary>
    private async Task<long> StoreCopyAsync(string externalId, string authorId, string brand) =>
        (await Mentions.StoreBatchAsync(new IngestBatch($"q-{externalId}-{brand}", [TestMentions.Scored(externalId, brand: brand, authorId: authorId)], "c", null), None)).Inserted[0].Id;

    private static class SqlTitles
    {
        public const string Erased = "[text removed at the author's request]";
        public const string Redacted = "[text removed: the post was deleted at its source]";
    }
}

[TestClass]
public sealed class SqliteAuthorErasureTests : AuthorErasureContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();

    [TestMethod]
    public async Task EraseAndRedact_LeaveNoRowOfTheAuthorInTheAuthorIndex()
    {
        await StoreMentionAsync("1", authorId: "eve");
        await StoreMentionAsync("2", authorId: "gus");
        await StoreMentionAsync("3", authorId: "frank");
        Assert.AreEqual((1L, 1L), (await IndexRowsAsync("eve"), await IndexRowsAsync("gus")));

        await Resolve<IRetentionStore>().EraseAuthorAsync("x", "eve", None);
        await Resolve<IMentionStore>().RedactAsync("x", ["2"], None);

        Assert.AreEqual((0L, 0L, 1L), (await IndexRowsAsync("eve"), await IndexRowsAsync("gus"), await IndexRowsAsync("frank")));
    }

    private async Task<long> IndexRowsAsync(string authorId)
    {
        await using var connection = Database.OpenConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM mention_authors_0 WHERE author_id = $a) + (SELECT COUNT(*) FROM mention_authors_1 WHERE author_id = $a) + (SELECT COUNT(*) FROM mention_authors_2 WHERE author_id = $a)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$a";
        parameter.Value = authorId;
        command.Parameters.Add(parameter);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

[TestClass]
public sealed class PostgreSqlAuthorErasureTests : AuthorErasureContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("author_erasure");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerAuthorErasureTests : AuthorErasureContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
