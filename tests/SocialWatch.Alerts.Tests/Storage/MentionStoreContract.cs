using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using static SocialWatch.Alerts.Tests.Storage.TestMentions;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>What every <see cref="IMentionStore"/> must do, whatever the dialect.</summary>
public abstract class MentionStoreContract : StoreContract
{
    private IMentionStore Store => Get<IMentionStore>();

    [TestMethod]
    public async Task StoreBatch_InsertsNewMentions_AndReturnsThemWithIdsInPageOrder()
    {
        var page = new[] { Scored("1"), Scored("2"), Scored("3") };

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", page, "c1", null), None);

        Assert.AreEqual(3, result.Received);
        Assert.AreEqual("1,2,3", ExternalIds(result.Inserted));
        Assert.AreEqual(3, result.Inserted.Select(m => m.Id).Distinct().Count());
        foreach (var inserted in result.Inserted)
        {
            var stored = await Store.GetMentionAsync(inserted.Id, None);
            Assert.AreEqual(inserted.Mention.ExternalId, stored!.Mention.ExternalId);
        }
    }

    [TestMethod]
    public async Task StoreBatch_SkipsDuplicates_WithinOneBatch()
    {
        var page = new[] { Scored("1"), Scored("2"), Scored("1", text: "a later copy of the same post") };

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", page, "c1", null), None);

        Assert.AreEqual(3, result.Received);
        Assert.AreEqual("1,2", ExternalIds(result.Inserted));
        var stored = await Store.FindMentionAsync("x", "1", None);
        Assert.AreEqual("My order never arrived", stored!.Mention.Text);
        Assert.HasCount(2, await Store.GetMentionsAsync(new MentionQuery(), None));
    }

    [TestMethod]
    public async Task StoreBatch_SkipsMentionsStoredByAnEarlierBatch()
    {
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1"), Scored("2")], "c1", null), None);

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("2"), Scored("3")], "c2", "c1"), None);

        Assert.AreEqual("3", ExternalIds(result.Inserted));
        Assert.HasCount(3, await Store.GetMentionsAsync(new MentionQuery(), None));
    }

    [TestMethod]
    public async Task StoreBatch_TreatsTheSameExternalIdFromAnotherSource_AsAnotherMention()
    {
        var page = new[] { Scored("1", source: "x"), Scored("1", source: "reddit") };

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:mixed", page, "c1", null), None);

        Assert.HasCount(2, result.Inserted);
    }

    [TestMethod]
    public async Task StoreBatch_APostThatNamesTwoBrands_IsStoredOnceForEach_EvenWithinOnePage()
    {
        var page = new[] { Scored("1", brand: "Acme Air"), Scored("1", brand: "Acme Rail"), Scored("1", brand: "Acme Air", text: "a later copy") };

        var result = await Store.StoreBatchAsync(new IngestBatch("bsky:jetstream", page, "c1", null), None);
        var again = await Store.StoreBatchAsync(new IngestBatch("bsky:jetstream", [Scored("1", brand: "Acme Rail"), Scored("1", brand: "Acme Air")], "c2", "c1"), None);

        Assert.AreEqual("Acme Air,Acme Rail", string.Join(",", result.Inserted.Select(m => m.Mention.Brand)));
        Assert.AreEqual(2, result.Inserted.Select(m => m.Id).Distinct().Count());
        Assert.IsEmpty(again.Inserted);
        Assert.HasCount(2, await Store.GetMentionsAsync(new MentionQuery(), None));
    }

    [TestMethod]
    public async Task StoreBatch_APostStoredForOneBrand_IsStoredForASecondBrandByALaterPage_AndEachBrandsQueriesSeeTheirOwn()
    {
        var air = (await Store.StoreBatchAsync(new IngestBatch("acme-air:x", [Scored("1", brand: "Acme Air")], "c1", null), None)).Inserted.Single();

        var rail = await Store.StoreBatchAsync(new IngestBatch("acme-rail:x", [Scored("1", brand: "Acme Rail"), Scored("2", brand: "Acme Rail")], "c1", null), None);

        Assert.AreEqual("1,2", ExternalIds(rail.Inserted));
        var railCopy = rail.Inserted[0];
        Assert.AreNotEqual(air.Id, railCopy.Id);
        Assert.AreEqual("1", ExternalIds(await Store.GetMentionsAsync(new MentionQuery { Brand = "Acme Air" }, None)));
        Assert.AreEqual("2,1", ExternalIds(await Store.GetMentionsAsync(new MentionQuery { Brand = "Acme Rail" }, None)));
        Assert.AreEqual(air.Id, (await Store.FindMentionAsync("x", "1", "Acme Air", None))!.Id);
        Assert.AreEqual(railCopy.Id, (await Store.FindMentionAsync("x", "1", "Acme Rail", None))!.Id);
        Assert.AreEqual(air.Id, (await Store.FindMentionAsync("x", "1", None))!.Id, "without a brand: the first stored copy");
        Assert.IsNull(await Store.FindMentionAsync("x", "1", "Acme Bus", None));
        Assert.AreEqual("2,1", ExternalIds(await Store.GetMentionsAsync(new MentionQuery { AuthorId = "u-1", Brand = "Acme Rail" }, None)), "the author's history, per brand");
        Assert.AreEqual("1", ExternalIds(await Store.GetMentionsAsync(new MentionQuery { AuthorId = "u-1", Brand = "Acme Air" }, None)));
    }

    [TestMethod]
    public async Task StoreBatch_APostForTwoBrands_GetsOneAlertPerBrand()
    {
        var stored = (await Store.StoreBatchAsync(
            new IngestBatch("bsky:jetstream", [Scored("1", brand: "Acme Air"), Scored("1", brand: "Acme Rail")], "c1", null), None)).Inserted;
        var alerts = Get<IAlertStore>();

        foreach (var copy in stored)
        {
            await alerts.CreateAsync(new NewAlert
            {
                Kind = AlertKind.Mention,
                MentionId = copy.Id,
                Brand = copy.Mention.Brand,
                Team = "care",
                Priority = AlertPriority.High,
                Title = "two brands",
                Reasons = [],
                CreatedAt = T0,
                Actor = "router",
            }, None);
        }

        var open = await alerts.GetOpenAsync(new OpenAlertQuery(), None);
        Assert.AreEqual("Acme Air,Acme Rail", string.Join(",", open.Select(a => a.Brand).Order(StringComparer.Ordinal)));
        CollectionAssert.AreEquivalent(stored.Select(m => (long?)m.Id).ToArray(), open.Select(a => a.MentionId).ToArray());
    }

    [TestMethod]
    public async Task StoreBatch_MovesCursor_OnlyWithItsBatch()
    {
        Assert.IsNull(await Store.GetCursorAsync("acme:x", None));

        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c1", null), None);
        var afterFirst = await Store.GetCursorAsync("acme:x", None);
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [], "c2", "c1"), None);
        var afterEmptyPage = await Store.GetCursorAsync("acme:x", None);

        Assert.AreEqual("c1", afterFirst);
        Assert.AreEqual("c2", afterEmptyPage);
        Assert.IsNull(await Store.GetCursorAsync("acme:reddit", None));
    }

    [TestMethod]
    public async Task StoreBatch_WithStaleExpectedCursor_ThrowsAndWritesNothing()
    {
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c1", null), None);
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("2")], "c2", "c1"), None);

        var conflict = await Assert.ThrowsExactlyAsync<CursorConflictException>(
            () => Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("3"), Scored("4")], "c3", "c1"), None));

        Assert.AreEqual("acme:x", conflict.QueryKey);
        Assert.AreEqual("c2", await Store.GetCursorAsync("acme:x", None));
        Assert.IsNull(await Store.FindMentionAsync("x", "3", None));
        Assert.IsNull(await Store.FindMentionAsync("x", "4", None));
    }

    [TestMethod]
    public async Task StoreBatch_FirstPollOfAQueryThatAlreadyHasACursor_ThrowsAndWritesNothing()
    {
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c1", null), None);

        await Assert.ThrowsExactlyAsync<CursorConflictException>(
            () => Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("9")], "c9", null), None));

        Assert.AreEqual("c1", await Store.GetCursorAsync("acme:x", None));
        Assert.IsNull(await Store.FindMentionAsync("x", "9", None));
    }

    [TestMethod]
    public async Task StoreBatch_TwoHostsCommittingTheSamePage_OnlyOneWins()
    {
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [], "c1", null), None);
        var page = Enumerable.Range(1, 50).Select(i => Scored(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return (await Store.StoreBatchAsync(new IngestBatch("acme:x", page, "c2", "c1"), None)).Inserted.Count;
            }
            catch (CursorConflictException)
            {
                return -1;
            }
        }));

        CollectionAssert.AreEquivalent(new[] { 50, -1 }, attempts);
        Assert.HasCount(50, await Store.GetMentionsAsync(new MentionQuery { Limit = 500 }, None));
        Assert.AreEqual("c2", await Store.GetCursorAsync("acme:x", None));
    }

    [TestMethod]
    public async Task StoreBatch_RoundTripsEveryField_IncludingHostileText()
    {
        var original = new ScoredMention(
            new Mention
            {
                Source = "reddit",
                ExternalId = "t1_AbC'; DROP TABLE mentions;--",
                Brand = "Acme «Ünïcödé» 株式会社",
                Text = "'; DROP TABLE mentions;-- <img src=x onerror=alert(1)> \"quoted\" \\ back\\slash 💥 مرحبا\r\n\ttab",
                Author = new MentionAuthor("author'\"<>", "@h<script>", "Zoë 🚀 <b>bold</b>", 9_876_543_210, true),
                Metrics = new EngagementMetrics(long.MaxValue / 4, 7, 0, 123_456_789_012),
                Url = "https://example.com/r/acme/comments/abc?x=1&y=<2>",
                Language = "pt-BR",
                ConversationId = "t3_thread'--",
                CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(5.5)),
                IngestedAt = new DateTimeOffset(2026, 1, 2, 3, 5, 0, 1, TimeSpan.Zero),
            },
            new MentionScore(
                new SentimentScore(SentimentLabel.Positive, 0.125f, 0.25f, 0.625f),
                0.0625f,
                new EscalationScore(0.9375f, EscalationLevel.Critical, 
                [
                    new Reason(ReasonCodes.GoingPublic, "media \"threat\"", 0.5f),
                    new Reason("<b>html</b>", "<b>html</b>", 0.25f),
                    new Reason(ReasonCodes.Complaint, "'; DELETE FROM alerts;--", 0.125f),
                    new Reason("ünïcödé", "ünïcödé", 1f),
                ]),
                "model 2026-01 ✓"));

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:reddit", [original], "c'1", null), None);
        var byId = await Store.GetMentionAsync(result.Inserted[0].Id, None);
        var byKey = await Store.FindMentionAsync(original.Mention.Source, original.Mention.ExternalId, None);

        Assert.IsNotNull(byId);
        AssertSameMention(original, byId);
        AssertSameMention(original, byKey!);
        Assert.IsFalse(byId.Redacted);
        Assert.AreEqual("c'1", await Store.GetCursorAsync("acme:reddit", None));
    }

    [TestMethod]
    public async Task StoreBatch_TextWithNulCharacters_IsStoredWithReplacementCharacters_InsteadOfFailingThePage()
    {
        var odd = Scored("nul");
        odd = odd with { Mention = odd.Mention with { Text = "bad\0byte", Author = odd.Mention.Author with { DisplayName = "\0name" } } };

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("ok"), odd], "c1", null), None);

        Assert.HasCount(2, result.Inserted);
        Assert.AreEqual("bad\uFFFDbyte", result.Inserted[1].Mention.Text);
        var stored = (await Store.FindMentionAsync("x", "nul", None))!;
        Assert.AreEqual("bad\uFFFDbyte", stored.Mention.Text);
        Assert.AreEqual("\uFFFDname", stored.Mention.Author.DisplayName);
    }

    [TestMethod]
    public async Task StoreBatch_WithHandOver_RecordsTheInsertedIds_UntilCompleted_AndARefusedPageRecordsNone()
    {
        var handOvers = Get<IHandOverStore>();
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c1", null), None);

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1"), Scored("2"), Scored("3")], "c2", "c1", HandOver: true), None);
        var stale = Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("4")], "c3", "c1", HandOver: true), None);
        await Assert.ThrowsAsync<CursorConflictException>(() => stale);

        Assert.IsNotNull(result.HandOverId);
        var pending = (await handOvers.GetPendingAsync(T0.AddMilliseconds(1), 10, None)).Single();
        Assert.AreEqual(result.HandOverId, pending.Id);
        CollectionAssert.AreEqual(result.Inserted.Select(m => m.Id).ToArray(), pending.MentionIds.ToArray(), "the new rows only, not the duplicate");
        Assert.AreEqual(T0, pending.StoredAt);
        Assert.IsEmpty(await handOvers.GetPendingAsync(T0, 10, None), "only hand-overs stored before the given time");

        await handOvers.CompleteAsync(pending.Id, None);
        await handOvers.CompleteAsync(pending.Id, None);

        Assert.IsEmpty(await handOvers.GetPendingAsync(T0.AddDays(1), 10, None));
    }

    [TestMethod]
    public async Task StoreBatch_WithoutHandOver_OrWithNothingNew_RecordsNone()
    {
        var handOvers = Get<IHandOverStore>();

        var plain = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c1", null), None);
        var duplicates = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c2", "c1", HandOver: true), None);

        Assert.IsNull(plain.HandOverId);
        Assert.IsNull(duplicates.HandOverId);
        Assert.IsEmpty(await handOvers.GetPendingAsync(T0.AddDays(1), 10, None));
    }

    [TestMethod]
    public async Task GetPendingHandOvers_LeastTriedThenOldestFirst_UpToTheLimit()
    {
        var handOvers = Get<IHandOverStore>();
        string? cursor = null;
        var ids = new List<long>();
        for (var page = 0; page < 3; page++)
        {
            var next = "c" + page;
            var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("p" + page)], next, cursor, HandOver: true), None);
            ids.Add(result.HandOverId!.Value);
            cursor = next;
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var firstTwo = await handOvers.GetPendingAsync(T0.AddDays(1), 2, None);
        await handOvers.RecordFailureAsync(ids[0], None);
        await handOvers.RecordFailureAsync(ids[0], None);
        await handOvers.RecordFailureAsync(ids[1], None);
        var afterFailures = await handOvers.GetPendingAsync(T0.AddDays(1), 3, None);

        CollectionAssert.AreEqual(ids.Take(2).ToArray(), firstTwo.Select(h => h.Id).ToArray());
        Assert.AreEqual(T0.AddSeconds(1), firstTwo[1].StoredAt);
        CollectionAssert.AreEqual(new[] { ids[2], ids[1], ids[0] }, afterFailures.Select(h => h.Id).ToArray(), "least-tried first");
        Assert.AreEqual("0,1,2", string.Join(",", afterFailures.Select(h => h.Attempts)));
    }

    [TestMethod]
    public async Task FindMention_IsExactAboutCase()
    {
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("AbC")], "c1", null), None);

        var result = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("abc")], "c2", "c1"), None);

        Assert.HasCount(1, result.Inserted);
        Assert.AreEqual("AbC", (await Store.FindMentionAsync("x", "AbC", None))!.Mention.ExternalId);
        Assert.AreEqual("abc", (await Store.FindMentionAsync("x", "abc", None))!.Mention.ExternalId);
    }

    [TestMethod]
    public async Task GetMention_Unknown_ReturnsNull()
    {
        Assert.IsNull(await Store.GetMentionAsync(12345, None));
        Assert.IsNull(await Store.FindMentionAsync("x", "nope", None));
    }

    [TestMethod]
    public async Task GetMentions_PagesNewestFirst_ByKeyset()
    {
        var page = Enumerable.Range(1, 7).Select(i => Scored(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        await Store.StoreBatchAsync(new IngestBatch("acme:x", page, "c1", null), None);

        var first = await Store.GetMentionsAsync(new MentionQuery { Limit = 3 }, None);
        var second = await Store.GetMentionsAsync(new MentionQuery { Limit = 3, BeforeId = first[^1].Id }, None);
        var third = await Store.GetMentionsAsync(new MentionQuery { Limit = 3, BeforeId = second[^1].Id }, None);

        Assert.AreEqual("7,6,5", ExternalIds(first));
        Assert.AreEqual("4,3,2", ExternalIds(second));
        Assert.AreEqual("1", ExternalIds(third));
    }

    [TestMethod]
    public async Task GetMentions_WithTeams_KeepsOnlyMentionsBehindThoseTeamsAlerts()
    {
        var stored = await Store.StoreBatchAsync(new IngestBatch("q", [Scored("care-1"), Scored("billing-1"), Scored("no-alert")], "c1", null), None);
        var alerts = Get<IAlertStore>();
        foreach (var (mention, team) in new[] { (stored.Inserted[0], "Care"), (stored.Inserted[1], "billing") })
        {
            await alerts.CreateAsync(
                new NewAlert { Kind = AlertKind.Mention, MentionId = mention.Id, Brand = "acme", Team = team, Priority = AlertPriority.Normal, Title = "t", CreatedAt = T0, Actor = "routing" },
                None);
        }

        var care = await Store.GetMentionsAsync(new MentionQuery { Teams = ["care"] }, None);
        var both = await Store.GetMentionsAsync(new MentionQuery { Teams = ["care", "billing"] }, None);
        var all = await Store.GetMentionsAsync(new MentionQuery(), None);

        Assert.AreEqual("care-1", ExternalIds(care), "team names match ignoring case, as the queue's do");
        Assert.AreEqual("billing-1,care-1", ExternalIds(both));
        Assert.HasCount(3, all);
    }

    [TestMethod]
    public async Task GetMentions_FiltersByBrandSourceAuthorAndTime()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await Store.StoreBatchAsync(new IngestBatch("q", [
            Scored("a1", brand: "acme", source: "x", createdAt: at, authorId: "alice"),
            Scored("a2", brand: "acme", source: "x", createdAt: at.AddHours(1), authorId: "bob"),
            Scored("a3", brand: "acme", source: "reddit", createdAt: at.AddHours(2), authorId: "alice"),
            Scored("b1", brand: "globex", source: "x", createdAt: at.AddHours(3), authorId: "alice"),
        ], "c1", null), None);

        var acme = await Store.GetMentionsAsync(new MentionQuery { Brand = "acme" }, None);
        var acmeOnX = await Store.GetMentionsAsync(new MentionQuery { Brand = "acme", Source = "x" }, None);
        var alice = await Store.GetMentionsAsync(new MentionQuery { AuthorId = "alice" }, None);
        var window = await Store.GetMentionsAsync(new MentionQuery { Since = at.AddHours(1), Until = at.AddHours(3) }, None);

        Assert.AreEqual("a3,a2,a1", ExternalIds(acme));
        Assert.AreEqual("a2,a1", ExternalIds(acmeOnX));
        Assert.AreEqual("b1,a3,a1", ExternalIds(alice));
        Assert.AreEqual("a3,a2", ExternalIds(window));
    }

    [TestMethod]
    public async Task AddSnapshots_KeepsHistory_AndUpdatesTheCurrentMetrics()
    {
        var id = (await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c1", null), None)).Inserted[0].Id;

        await Store.AddSnapshotsAsync([
            new EngagementSnapshot(id, T0.AddMinutes(30), new EngagementMetrics(50, 20, 5, 2)),
            new EngagementSnapshot(id, T0.AddMinutes(10), new EngagementMetrics(10, 4, 1, 0)),
        ], None);

        var snapshots = await Store.GetSnapshotsAsync(id, None);
        Assert.HasCount(2, snapshots);
        Assert.AreEqual(T0.AddMinutes(10), snapshots[0].At);
        Assert.AreEqual(new EngagementMetrics(10, 4, 1, 0), snapshots[0].Metrics);
        Assert.AreEqual(new EngagementMetrics(50, 20, 5, 2), snapshots[1].Metrics);
        Assert.AreEqual(new EngagementMetrics(50, 20, 5, 2), (await Store.GetMentionAsync(id, None))!.Mention.Metrics);
        Assert.IsEmpty(await Store.GetSnapshotsAsync(id + 1000, None));
    }

    [TestMethod]
    public async Task AddSnapshots_ForAMentionThatDoesNotExist_FailsAndWritesNothing()
    {
        var id = (await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c1", null), None)).Inserted[0].Id;

        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => Store.AddSnapshotsAsync([
            new EngagementSnapshot(id, T0, new EngagementMetrics(9, 9, 9, 9)),
            new EngagementSnapshot(id + 1000, T0, new EngagementMetrics(1, 1, 1, 1)),
        ], None));

        Assert.IsEmpty(await Store.GetSnapshotsAsync(id, None));
        Assert.AreEqual(new EngagementMetrics(1, 2, 3, 4), (await Store.GetMentionAsync(id, None))!.Mention.Metrics);
    }

    [TestMethod]
    public async Task Redact_BlanksTextAndAuthor_AndKeepsTheRowSoALaterPollDoesNotStoreItAgain()
    {
        await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1"), Scored("2")], "c1", null), None);

        var redacted = await Store.RedactAsync("x", ["1", "1", "unknown"], None);
        var again = await Store.RedactAsync("x", ["1"], None);
        var repoll = await Store.StoreBatchAsync(new IngestBatch("acme:x", [Scored("1")], "c2", "c1"), None);

        Assert.AreEqual(1, redacted);
        Assert.AreEqual(0, again);
        Assert.IsEmpty(repoll.Inserted);
        var gone = (await Store.FindMentionAsync("x", "1", None))!;
        Assert.IsTrue(gone.Redacted);
        Assert.AreEqual("", gone.Mention.Text);
        Assert.AreEqual(MentionAuthor.Unknown, gone.Mention.Author);
        Assert.IsNull(gone.Mention.Url);
        var kept = (await Store.FindMentionAsync("x", "2", None))!;
        Assert.IsFalse(kept.Redacted);
        Assert.AreEqual("My order never arrived", kept.Mention.Text);
    }

    [TestMethod]
    public async Task Redact_APostStoredForTwoBrands_RedactsEveryBrandsCopy_AndNeitherIsStoredAgain()
    {
        await Store.StoreBatchAsync(new IngestBatch("acme-air:x", [Scored("1", brand: "Acme Air"), Scored("2", brand: "Acme Air")], "c1", null), None);
        await Store.StoreBatchAsync(new IngestBatch("acme-rail:x", [Scored("1", brand: "Acme Rail")], "c1", null), None);

        var redacted = await Store.RedactAsync("x", ["1"], None);
        var replayed = await Store.StoreBatchAsync(
            new IngestBatch("acme-both:x", [Scored("1", brand: "Acme Air"), Scored("1", brand: "Acme Rail")], "c1", null), None);

        Assert.AreEqual(2, redacted);
        foreach (var brand in new[] { "Acme Air", "Acme Rail" })
        {
            var copy = (await Store.FindMentionAsync("x", "1", brand, None))!;
            Assert.IsTrue(copy.Redacted, brand);
            Assert.AreEqual("", copy.Mention.Text, brand);
            Assert.AreEqual("", copy.Mention.Author.Id, brand);
        }

        Assert.IsFalse((await Store.FindMentionAsync("x", "2", "Acme Air", None))!.Redacted);
        Assert.IsEmpty(replayed.Inserted);
        Assert.IsEmpty(await Store.GetMentionsAsync(new MentionQuery { AuthorId = "u-1", Source = "x", Brand = "Acme Rail" }, None));
    }

    [TestMethod]
    public async Task GetMentionsWithOpenAlerts_ReturnsOnlyMentionsOfTheSourceWhoseAlertIsOpen()
    {
        var stored = (await Store.StoreBatchAsync(new IngestBatch("q", [
            Scored("open"), Scored("resolved"), Scored("none"), Scored("other-source", source: "reddit"), Scored("deleted"),
        ], "c1", null), None)).Inserted.ToDictionary(m => m.Mention.ExternalId, m => m.Id);
        var alerts = Get<IAlertStore>();
        await alerts.CreateAsync(NewAlertFor(stored["open"]), None);
        var resolved = await alerts.CreateAsync(NewAlertFor(stored["resolved"]), None);
        await alerts.ApplyAsync(new AlertChange { AlertId = resolved.Id, ExpectedVersion = resolved.Version, Actor = "agent", At = T0, State = AlertState.Resolved }, None);
        await alerts.CreateAsync(NewAlertFor(stored["other-source"]), None);
        await alerts.CreateAsync(NewAlertFor(stored["deleted"]), None);
        await Store.RedactAsync("x", ["deleted"], None);

        var mentions = await Store.GetMentionsWithOpenAlertsAsync("x", 100, None);

        Assert.AreEqual("open", ExternalIds(mentions));
    }

    private static string ExternalIds(IEnumerable<StoredMention> mentions) => string.Join(",", mentions.Select(m => m.Mention.ExternalId));

    private static NewAlert NewAlertFor(long mentionId) => new()
    {
        MentionId = mentionId,
        Brand = "acme",
        Team = "care",
        Title = "complaint",
        CreatedAt = T0,
        Actor = "router",
    };

    private static void AssertSameMention(ScoredMention expected, StoredMention actual)
    {
        var (e, a) = (expected.Mention, actual.Mention);
        Assert.AreEqual(e.Source, a.Source);
        Assert.AreEqual(e.ExternalId, a.ExternalId);
        Assert.AreEqual(e.Brand, a.Brand);
        Assert.AreEqual(e.Text, a.Text);
        Assert.AreEqual(e.Author, a.Author);
        Assert.AreEqual(e.Metrics, a.Metrics);
        Assert.AreEqual(e.Url, a.Url);
        Assert.AreEqual(e.Language, a.Language);
        Assert.AreEqual(e.ConversationId, a.ConversationId);
        Assert.AreEqual(e.CreatedAt, a.CreatedAt);
        Assert.AreEqual(TimeSpan.Zero, a.CreatedAt.Offset, "times come back in UTC");
        Assert.AreEqual(e.IngestedAt, a.IngestedAt);
        Assert.IsNotNull(actual.Score);
        Assert.AreEqual(expected.Score.Sentiment, actual.Score.Sentiment);
        Assert.AreEqual(expected.Score.Complaint, actual.Score.Complaint);
        Assert.AreEqual(expected.Score.Escalation.Score, actual.Score.Escalation.Score);
        Assert.AreEqual(expected.Score.Escalation.Level, actual.Score.Escalation.Level);
        CollectionAssert.AreEqual(expected.Score.Escalation.Reasons.ToArray(), actual.Score.Escalation.Reasons.ToArray());
        Assert.AreEqual(expected.Score.ModelVersion, actual.Score.ModelVersion);
    }
}

[TestClass]
public sealed class SqliteMentionStoreTests : MentionStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlMentionStoreTests : MentionStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("mention_store");
}

[TestClass]
public sealed class SqlServerMentionStoreTests : MentionStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
