using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>What every <see cref="IAlertStore"/> must do, whatever the dialect.</summary>
public abstract class AlertStoreContract : StoreContract
{
    private static readonly string[] Agents = ["ana", "bo"];

    private IAlertStore Store => Get<IAlertStore>();

    [TestMethod]
    public async Task Get_AlertWrittenBeforeReasonsHadCodes_ReadsWithCodesDerivedFromTheText()
    {
        var alert = await Store.CreateAsync(NewAlert("care", AlertPriority.High), None);
        await using (var connection = Database.OpenConnection())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE alerts SET reasons = @reasons WHERE id = @id", new
            {
                id = alert.Id,
                reasons = """["complaint (96%)","negative tone (62%)","author reach 12k","reposts doubling every 9 min","rule: vip","something else"]""",
            });
        }

        var read = await Store.GetAsync(alert.Id, None);

        CollectionAssert.AreEqual(
            new[]
            {
                new Reason(ReasonCodes.Complaint, "complaint", 0.96f),
                new Reason(ReasonCodes.NegativeTone, "negative tone", 0.62f),
                new Reason(ReasonCodes.AuthorReach, "author reach 12k", 1f),
                new Reason(ReasonCodes.RepostsDoubling, "reposts doubling every 9 min", 1f),
                new Reason("rule:vip", "rule: vip", 1f),
                new Reason("something else", "something else", 1f),
            },
            read!.Reasons.ToArray());
    }

    [TestMethod]
    public async Task Create_StartsNewAtVersionOne_AndWritesTheFirstAuditEntry()
    {
        var alert = await Store.CreateAsync(NewAlert("care", AlertPriority.High), None);

        var audit = await Store.GetAuditAsync(alert.Id, None);

        Assert.AreEqual(AlertState.New, alert.State);
        Assert.AreEqual(1, alert.Version);
        Assert.IsTrue(alert.IsOpen);
        Assert.HasCount(1, audit);
        Assert.AreEqual("router", audit[0].Actor);
        Assert.IsNull(audit[0].From);
        Assert.AreEqual(AlertState.New, audit[0].To);
        Assert.AreEqual(T0, audit[0].At);
    }

    [TestMethod]
    public async Task Create_RoundTripsEveryField()
    {
        var mentionId = (await Get<IMentionStore>().StoreBatchAsync(
            new IngestBatch("q", [TestMentions.Scored("1")], "c", null), None)).Inserted[0].Id;
        var request = new NewAlert
        {
            Kind = AlertKind.Mention,
            MentionId = mentionId,
            Brand = "Acme 株式会社",
            Team = "care",
            Priority = AlertPriority.Urgent,
            Title = "<script>alert(1)</script> '; DROP TABLE alerts;-- «ünïcödé» 💥",
            Reasons =
            [
                new Reason(ReasonCodes.LegalThreat, "legal threat", 1f),
                new Reason(ReasonCodes.AuthorReach, "reach: 1.2M \"followers\"", 0.625f),
                new Reason("rule:<b>html</b>", "<b>html</b> 'quoted' & more", 0.001f),
            ],
            CreatedAt = T0,
            FirstResponseDueAt = T0.AddMinutes(15),
            ResolveDueAt = new DateTimeOffset(2026, 3, 14, 14, 0, 0, 250, TimeSpan.FromHours(2)),
            SlaPolicy = "vip",
            Actor = "router",
        };

        var created = await Store.CreateAsync(request, None);
        var read = await Store.GetAsync(created.Id, None);

        Assert.IsNotNull(read);
        Assert.AreEqual(created with { Reasons = read.Reasons }, read);
        Assert.AreEqual(AlertKind.Mention, read.Kind);
        Assert.AreEqual(mentionId, read.MentionId);
        Assert.AreEqual(request.Brand, read.Brand);
        Assert.AreEqual(request.Team, read.Team);
        Assert.AreEqual(AlertPriority.Urgent, read.Priority);
        Assert.AreEqual(request.Title, read.Title);
        CollectionAssert.AreEqual(request.Reasons.ToArray(), read.Reasons.ToArray());
        Assert.IsNull(read.AssignedTo);
        Assert.AreEqual(T0, read.CreatedAt);
        Assert.AreEqual(T0, read.UpdatedAt);
        Assert.AreEqual(request.FirstResponseDueAt, read.FirstResponseDueAt);
        Assert.AreEqual(request.ResolveDueAt, read.ResolveDueAt);
        Assert.IsNull(read.FirstRespondedAt);
        Assert.IsNull(read.ResolvedAt);
        Assert.IsNull(read.DismissReason);
        Assert.AreEqual("vip", read.SlaPolicy);
    }

    [TestMethod]
    public async Task Create_ASecondAlertForTheSameMention_FromRacingHosts_IsRefused_AndOneAlertRemains()
    {
        var mentionId = (await Get<IMentionStore>().StoreBatchAsync(
            new IngestBatch("q", [TestMentions.Scored("1")], "c", null), None)).Inserted[0].Id;
        NewAlert Request(int i) => new()
        {
            Kind = AlertKind.Mention,
            MentionId = mentionId,
            Brand = "acme",
            Team = "care",
            Title = $"try {i}",
            CreatedAt = T0,
            Actor = "routing",
        };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                return (await Store.CreateAsync(Request(i), None)).Id;
            }
            catch (AlertExistsException)
            {
                return 0L;
            }
        })));

        Assert.AreEqual(1, outcomes.Count(id => id != 0));
        var open = await Store.GetOpenAsync(new OpenAlertQuery(), None);
        Assert.AreEqual(1, open.Count(a => a.MentionId == mentionId));
    }

    [TestMethod]
    public async Task Create_AlertsWithoutAMention_AreNotLimitedToOne()
    {
        NewAlert Spike() => new() { Kind = AlertKind.Spike, Brand = "acme", Team = "care", Title = "spike", CreatedAt = T0, Actor = "spikes" };

        await Store.CreateAsync(Spike(), None);
        await Store.CreateAsync(Spike(), None);

        Assert.HasCount(2, await Store.GetOpenAsync(new OpenAlertQuery(), None));
    }

    [TestMethod]
    public async Task Create_SpikeAlert_HasNoMention()
    {
        var alert = await Store.CreateAsync(NewAlert("pr", AlertPriority.Normal) with { Kind = AlertKind.Spike, MentionId = null }, None);

        var read = await Store.GetAsync(alert.Id, None);

        Assert.AreEqual(AlertKind.Spike, read!.Kind);
        Assert.IsNull(read.MentionId);
    }

    [TestMethod]
    public async Task Get_Unknown_ReturnsNull()
    {
        Assert.IsNull(await Store.GetAsync(424242, None));
    }

    [TestMethod]
    public async Task GetOpen_OrdersByPriority_ThenFirstResponseDueWithNoDueLast_ThenCreated()
    {
        var lowSoon = await Store.CreateAsync(NewAlert("care", AlertPriority.Low, due: T0.AddMinutes(5)), None);
        var highNoDue = await Store.CreateAsync(NewAlert("care", AlertPriority.High, due: null), None);
        var highLate = await Store.CreateAsync(NewAlert("care", AlertPriority.High, due: T0.AddHours(2)), None);
        var highSoon = await Store.CreateAsync(NewAlert("care", AlertPriority.High, due: T0.AddMinutes(30)), None);
        var highSoonLaterCreated = await Store.CreateAsync(NewAlert("care", AlertPriority.High, due: T0.AddMinutes(30), created: T0.AddSeconds(1)), None);
        var urgent = await Store.CreateAsync(NewAlert("care", AlertPriority.Urgent, due: T0.AddDays(1)), None);

        var open = await Store.GetOpenAsync(new OpenAlertQuery(), None);

        CollectionAssert.AreEqual(
            new[] { urgent.Id, highSoon.Id, highSoonLaterCreated.Id, highLate.Id, highNoDue.Id, lowSoon.Id },
            open.Select(a => a.Id).ToArray());
    }

    [TestMethod]
    public async Task GetOpen_LeavesOutResolvedAndDismissed_AndAppliesEveryFilter()
    {
        var care = await Store.CreateAsync(NewAlert("care", AlertPriority.High), None);
        var pr = await Store.CreateAsync(NewAlert("pr", AlertPriority.Low), None);
        var legal = await Store.CreateAsync(NewAlert("legal", AlertPriority.Urgent) with { Brand = "globex" }, None);
        var resolved = await Store.CreateAsync(NewAlert("care", AlertPriority.Urgent), None);
        var dismissed = await Store.CreateAsync(NewAlert("care", AlertPriority.Urgent), None);
        var acknowledged = await Store.CreateAsync(NewAlert("care", AlertPriority.Normal), None);
        await Store.ApplyAsync(Change(resolved) with { State = AlertState.Resolved, ResolvedAt = T0 }, None);
        await Store.ApplyAsync(Change(dismissed) with { State = AlertState.Dismissed, DismissReason = "spam" }, None);
        await Store.ApplyAsync(Change(acknowledged) with { State = AlertState.Acknowledged }, None);

        var all = await Store.GetOpenAsync(new OpenAlertQuery(), None);
        var careAndPr = await Store.GetOpenAsync(new OpenAlertQuery { Teams = ["care", "pr"] }, None);
        var globex = await Store.GetOpenAsync(new OpenAlertQuery { Brand = "globex" }, None);
        var highUp = await Store.GetOpenAsync(new OpenAlertQuery { MinPriority = AlertPriority.High }, None);
        var acked = await Store.GetOpenAsync(new OpenAlertQuery { State = AlertState.Acknowledged }, None);
        var limited = await Store.GetOpenAsync(new OpenAlertQuery { Limit = 2 }, None);

        CollectionAssert.AreEquivalent(new[] { care.Id, pr.Id, legal.Id, acknowledged.Id }, all.Select(a => a.Id).ToArray());
        CollectionAssert.AreEquivalent(new[] { care.Id, pr.Id, acknowledged.Id }, careAndPr.Select(a => a.Id).ToArray());
        CollectionAssert.AreEqual(new[] { legal.Id }, globex.Select(a => a.Id).ToArray());
        CollectionAssert.AreEqual(new[] { legal.Id, care.Id }, highUp.Select(a => a.Id).ToArray());
        CollectionAssert.AreEqual(new[] { acknowledged.Id }, acked.Select(a => a.Id).ToArray());
        CollectionAssert.AreEqual(new[] { legal.Id, care.Id }, limited.Select(a => a.Id).ToArray());
    }

    [TestMethod]
    public async Task Apply_ChangesOnlyTheGivenFields_BumpsTheVersion_AndAudits()
    {
        var alert = await Store.CreateAsync(NewAlert("care", AlertPriority.Normal, due: T0.AddMinutes(30)), None);
        var at = T0.AddMinutes(3);

        var changed = await Store.ApplyAsync(Change(alert, at) with
        {
            State = AlertState.Acknowledged,
            AssignedTo = "agent.ana",
            Priority = AlertPriority.High,
            Note = "on it <b>now</b>",
        }, None);

        Assert.AreEqual(AlertState.Acknowledged, changed.State);
        Assert.AreEqual("agent.ana", changed.AssignedTo);
        Assert.AreEqual(AlertPriority.High, changed.Priority);
        Assert.AreEqual(2, changed.Version);
        Assert.AreEqual(at, changed.UpdatedAt);
        Assert.AreEqual(alert.FirstResponseDueAt, changed.FirstResponseDueAt);
        Assert.AreEqual(alert.Title, changed.Title);
        Assert.AreEqual(changed, await Store.GetAsync(alert.Id, None) is { } read ? read with { Reasons = changed.Reasons } : null);
        var audit = await Store.GetAuditAsync(alert.Id, None);
        Assert.HasCount(2, audit);
        Assert.AreEqual(new AuditEntry(audit[1].Id, alert.Id, "agent", at, AlertState.New, AlertState.Acknowledged, "on it <b>now</b>"), audit[1]);
    }

    [TestMethod]
    public async Task Apply_RecordsResponseResolutionAndUnassign()
    {
        var alert = await Store.CreateAsync(NewAlert("care", AlertPriority.Normal), None);
        var assigned = await Store.ApplyAsync(Change(alert) with { AssignedTo = "bo" }, None);
        var responded = await Store.ApplyAsync(Change(assigned, T0.AddMinutes(10)) with
        {
            State = AlertState.Responded,
            FirstRespondedAt = T0.AddMinutes(10),
            ResolveDueAt = T0.AddHours(4),
        }, None);

        var resolved = await Store.ApplyAsync(Change(responded, T0.AddHours(1)) with
        {
            State = AlertState.Resolved,
            ResolvedAt = T0.AddHours(1),
            Unassign = true,
        }, None);

        Assert.AreEqual(AlertState.Resolved, resolved.State);
        Assert.IsFalse(resolved.IsOpen);
        Assert.IsNull(resolved.AssignedTo);
        Assert.AreEqual(T0.AddMinutes(10), resolved.FirstRespondedAt);
        Assert.AreEqual(T0.AddHours(4), resolved.ResolveDueAt);
        Assert.AreEqual(T0.AddHours(1), resolved.ResolvedAt);
        Assert.AreEqual(4, resolved.Version);
        Assert.AreEqual(
            "-,New,New,Responded",
            string.Join(",", (await Store.GetAuditAsync(alert.Id, None)).Select(e => e.From?.ToString() ?? "-")));
    }

    [TestMethod]
    public async Task Apply_WithAStaleVersion_ThrowsConcurrencyConflict_AndWritesNothing()
    {
        var alert = await Store.CreateAsync(NewAlert("care", AlertPriority.Normal), None);
        await Store.ApplyAsync(Change(alert) with { AssignedTo = "first" }, None);

        var conflict = await Assert.ThrowsExactlyAsync<ConcurrencyConflictException>(
            () => Store.ApplyAsync(Change(alert) with { AssignedTo = "second", State = AlertState.Dismissed }, None));

        Assert.AreEqual(alert.Id, conflict.AlertId);
        Assert.AreEqual(1, conflict.ExpectedVersion);
        var read = await Store.GetAsync(alert.Id, None);
        Assert.AreEqual("first", read!.AssignedTo);
        Assert.AreEqual(AlertState.New, read.State);
        Assert.HasCount(2, await Store.GetAuditAsync(alert.Id, None));
    }

    [TestMethod]
    public async Task Apply_TwoConcurrentChangesFromTheSameVersion_OneWinsAndTheOtherConflicts()
    {
        var alert = await Store.CreateAsync(NewAlert("care", AlertPriority.Normal), None);

        var outcomes = await Task.WhenAll(Agents.Select(async agent =>
        {
            try
            {
                await Store.ApplyAsync(Change(alert) with { AssignedTo = agent, State = AlertState.Acknowledged, Actor = agent }, None);
                return agent;
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        }));

        Assert.AreEqual(1, outcomes.Count(o => o == "conflict"));
        var winner = outcomes.Single(o => o != "conflict");
        var read = await Store.GetAsync(alert.Id, None);
        Assert.AreEqual(winner, read!.AssignedTo);
        Assert.AreEqual(2, read.Version);
        var audit = await Store.GetAuditAsync(alert.Id, None);
        Assert.HasCount(2, audit);
        Assert.AreEqual(winner, audit[1].Actor);
    }

    [TestMethod]
    public async Task Apply_ToAnAlertThatDoesNotExist_ThrowsKeyNotFound()
    {
        var change = new AlertChange { AlertId = 999_999, ExpectedVersion = 1, Actor = "agent", At = T0, State = AlertState.Acknowledged };

        var error = await Assert.ThrowsExactlyAsync<KeyNotFoundException>(() => Store.ApplyAsync(change, None));

        StringAssert.Contains(error.Message, "999999");
    }

    [TestMethod]
    public async Task GetAudit_OfAnAlertWithoutChanges_HasOnlyItsCreation_AndOfAnUnknownAlertIsEmpty()
    {
        var alert = await Store.CreateAsync(NewAlert("care", AlertPriority.Normal), None);

        Assert.HasCount(1, await Store.GetAuditAsync(alert.Id, None));
        Assert.IsEmpty(await Store.GetAuditAsync(alert.Id + 1000, None));
    }

    private static NewAlert NewAlert(string team, AlertPriority priority, DateTimeOffset? due = null, DateTimeOffset? created = null) => new()
    {
        Kind = AlertKind.Operator,
        Brand = "acme",
        Team = team,
        Priority = priority,
        Title = $"{team} {priority}",
        Reasons = [new Reason(ReasonCodes.SourceNeedsAttention, "because", 1f)],
        CreatedAt = created ?? T0,
        FirstResponseDueAt = due,
        Actor = "router",
    };

    private static AlertChange Change(Alert alert, DateTimeOffset? at = null) => new()
    {
        AlertId = alert.Id,
        ExpectedVersion = alert.Version,
        Actor = "agent",
        At = at ?? T0.AddMinutes(1),
    };
}

[TestClass]
public sealed class SqliteAlertStoreTests : AlertStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlAlertStoreTests : AlertStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("alert_store");
}

[TestClass]
public sealed class SqlServerAlertStoreTests : AlertStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
