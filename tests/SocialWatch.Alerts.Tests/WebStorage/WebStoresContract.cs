using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Alerts.Tests.WorkflowStorage;
using SocialWatch.Core.Access;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.WebStorage;

/// <summary>The web's stores (users, API keys, admin audit, queue and dashboard read models), written once for every dialect.</summary>
public abstract class WebStoresContract : WorkflowStoreContract
{
    private ServiceProvider? _web;

    private IUserStore Users => _web!.GetRequiredService<IUserStore>();
    private IApiKeyStore Keys => _web!.GetRequiredService<IApiKeyStore>();
    private IAdminAuditStore Audit => _web!.GetRequiredService<IAdminAuditStore>();
    private IInsightsStore Insights => _web!.GetRequiredService<IInsightsStore>();

    [TestInitialize]
    public void OpenWebServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:SocialWatch"] = Database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSocialWatchStorage(configuration);
        _web = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [TestCleanup]
    public async Task CloseWebServicesAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task SaveUser_ThenFind_IgnoresCaseOfTheName_AndAudits()
    {
        await Users.SaveAsync(new WebUser { UserName = "Alice", Roles = ["agent", "manager"], PasswordHash = "hash", CreatedAt = T0 }, "admin", None);

        var found = await Users.FindAsync("alice", None);
        var audit = await Audit.GetLatestAsync(10, None);

        Assert.IsNotNull(found);
        Assert.AreEqual("Alice", found.UserName);
        Assert.AreEqual("agent,manager", string.Join(",", found.Roles));
        Assert.AreEqual("hash", found.PasswordHash);
        Assert.AreEqual(T0, found.CreatedAt);
        Assert.AreEqual(1, await Users.CountAsync(None));
        Assert.IsTrue(audit.Any(e => e.Area == "user" && e.Subject == "Alice" && e.Actor == "admin"));
    }

    [TestMethod]
    public async Task SaveUser_WithATakenName_ThrowsDuplicateName()
    {
        await Users.SaveAsync(new WebUser { UserName = "bob", Roles = ["agent"], CreatedAt = T0 }, "admin", None);

        await Assert.ThrowsExactlyAsync<DuplicateNameException>(() => Users.SaveAsync(new WebUser { UserName = "BOB", Roles = ["pr"], CreatedAt = T0 }, "admin", None));

        Assert.AreEqual(1, await Users.CountAsync(None));
    }

    [TestMethod]
    public async Task SaveUser_WithItsId_ReplacesRolesAndDisables()
    {
        var saved = await Users.SaveAsync(new WebUser { UserName = "carol", Roles = ["agent"], CreatedAt = T0 }, "admin", None);

        await Users.SaveAsync(saved with { Roles = ["pr"], Disabled = true }, "admin", None);
        var found = await Users.FindAsync("carol", None);

        Assert.AreEqual("pr", string.Join(",", found!.Roles));
        Assert.IsTrue(found.Disabled);
        Assert.HasCount(1, await Users.ListAsync(None));
    }

    [TestMethod]
    public async Task ApiKey_IsFoundByHashUntilRevoked()
    {
        var key = await Keys.CreateAsync(new ApiKey { Name = "crm", Prefix = "sw_abc", Hash = new string('a', 64), Scopes = ["push"], CreatedBy = "admin", CreatedAt = T0 }, None);

        var found = await Keys.FindActiveByHashAsync(new string('a', 64), None);
        var revoked = await Keys.RevokeAsync(key.Id, "admin", T0.AddHours(1), None);
        var again = await Keys.RevokeAsync(key.Id, "admin", T0.AddHours(2), None);
        var afterRevoke = await Keys.FindActiveByHashAsync(new string('a', 64), None);
        var listed = (await Keys.ListAsync(None)).Single();

        Assert.AreEqual("crm", found!.Name);
        Assert.AreEqual("push", string.Join(",", found.Scopes));
        Assert.IsTrue(revoked);
        Assert.IsFalse(again);
        Assert.IsNull(afterRevoke);
        Assert.AreEqual(T0.AddHours(1), listed.RevokedAt);
    }

    [TestMethod]
    public async Task TouchApiKey_RecordsLastUse()
    {
        var key = await Keys.CreateAsync(new ApiKey { Name = "feed", Prefix = "sw_def", Hash = new string('b', 64), Scopes = ["integration"], CreatedBy = "admin", CreatedAt = T0 }, None);

        await Keys.TouchAsync(key.Id, T0.AddMinutes(5), None);

        Assert.AreEqual(T0.AddMinutes(5), (await Keys.FindActiveByHashAsync(new string('b', 64), None))!.LastUsedAt);
    }

    [TestMethod]
    public async Task Queue_FiltersByTeamBrandSourceLevelAndState_AndSortsByPriorityThenDue()
    {
        var urgent = await AlertWithMentionAsync("m1", team: "care", priority: AlertPriority.Urgent, dueIn: TimeSpan.FromHours(2));
        var highSoon = await AlertWithMentionAsync("m2", team: "care", priority: AlertPriority.High, dueIn: TimeSpan.FromMinutes(10));
        var highLater = await AlertWithMentionAsync("m3", team: "care", priority: AlertPriority.High, dueIn: TimeSpan.FromHours(1));
        await AlertWithMentionAsync("m4", team: "legal", priority: AlertPriority.Urgent, dueIn: TimeSpan.FromHours(1));
        await AlertWithMentionAsync("m5", team: "care", brand: "globex", source: "reddit", priority: AlertPriority.Low, dueIn: TimeSpan.FromHours(1));

        var care = await Insights.GetQueueAsync(new QueueFilter { Teams = ["care"] }, None);
        var reddit = await Insights.GetQueueAsync(new QueueFilter { Source = "reddit" }, None);
        var globex = await Insights.GetQueueAsync(new QueueFilter { Brand = "globex" }, None);
        var high = await Insights.GetQueueAsync(new QueueFilter { Level = EscalationLevel.High }, None);
        var critical = await Insights.GetQueueAsync(new QueueFilter { Level = EscalationLevel.Critical }, None);
        var acknowledged = await Insights.GetQueueAsync(new QueueFilter { State = AlertState.Acknowledged }, None);

        CollectionAssert.AreEqual(new[] { urgent.Id, highSoon.Id, highLater.Id }, care.Take(3).Select(i => i.Alert.Id).ToArray());
        Assert.HasCount(4, care);
        Assert.AreEqual("globex", reddit.Single().Alert.Brand);
        Assert.AreEqual("reddit", globex.Single().Mention!.Source);
        Assert.HasCount(5, high);
        Assert.IsEmpty(critical);
        Assert.IsEmpty(acknowledged);
        Assert.AreEqual("handle_u-1", care[0].Mention!.AuthorHandle);
        Assert.AreEqual(10, care[0].Mention!.Engagement);
    }

    [TestMethod]
    public async Task Queue_LeavesOutClosedAlerts_AndKeepsAlertsWithoutMention()
    {
        var closed = await AlertWithMentionAsync("m1");
        await Resolve<IAlertStore>().ApplyAsync(new AlertChange { AlertId = closed.Id, ExpectedVersion = closed.Version, Actor = "a", At = T0, State = AlertState.Dismissed, DismissReason = "spam" }, None);
        var spike = await CreateAlertAsync(mentionId: null);

        var queue = await Insights.GetQueueAsync(new QueueFilter(), None);

        Assert.AreEqual(spike.Id, queue.Single().Alert.Id);
        Assert.IsNull(queue.Single().Mention);
    }

    [TestMethod]
    public async Task SlaSummary_CountsBreachedDueSoonAndOnTrack()
    {
        await AlertWithMentionAsync("m1", dueIn: TimeSpan.FromMinutes(-5));
        await AlertWithMentionAsync("m2", dueIn: TimeSpan.FromMinutes(10));
        await AlertWithMentionAsync("m3", dueIn: TimeSpan.FromHours(3));

        var summary = await Insights.GetSlaSummaryAsync(Time.GetUtcNow(), TimeSpan.FromMinutes(30), None);

        Assert.AreEqual(new SlaSummary(3, 1, 1, 1, 0), summary);
    }

    [TestMethod]
    public async Task Volume_CountsMentionsAndNegativesPerBrandAndHour()
    {
        var hour = new DateTimeOffset(2026, 3, 14, 8, 0, 0, TimeSpan.Zero);
        await StoreMentionAsync("v1", createdAt: hour.AddMinutes(5));
        await StoreMentionAsync("v2", createdAt: hour.AddMinutes(50));
        await StoreMentionAsync("v3", createdAt: hour.AddHours(1).AddMinutes(1), brand: "globex");
        await StoreMentionAsync("v4", createdAt: hour.AddHours(-30));

        var buckets = await Insights.GetVolumeAsync(hour.AddHours(-2), hour.AddHours(2), None);
        var sources = await Insights.GetSourceBreakdownAsync(hour.AddHours(-2), hour.AddHours(2), None);

        CollectionAssert.AreEquivalent(
            new[] { new VolumeBucket("acme", hour, 2, 2), new VolumeBucket("globex", hour.AddHours(1), 1, 1) },
            buckets.ToArray());
        Assert.AreEqual(new CountBy("x", 3), sources.Single());
    }

    [TestMethod]
    public async Task Reasons_TopRisksFacetsAndHistory_ReadOpenAlerts()
    {
        var first = await AlertWithMentionAsync("r1");
        await AlertWithMentionAsync("r2", source: "reddit");
        var mentionId = (await Resolve<IAlertStore>().GetAsync(first.Id, None))!.MentionId!.Value;

        var reasons = await Insights.GetReasonBreakdownAsync(10, None);
        var risks = await Insights.GetTopRisksAsync([], 10, None);
        var facets = await Insights.GetFacetsAsync(None);
        var history = await Insights.GetAuthorHistoryAsync("reddit", "u-1", "acme", mentionId, 10, None);

        CollectionAssert.AreEqual(new[] { new CountBy("large_reach", 2), new CountBy(ReasonCodes.LegalThreat, 2) }, reasons.ToArray());
        Assert.HasCount(2, risks);
        Assert.AreEqual(0.6f, risks[0].Mention!.Escalation, 0.001f);
        Assert.AreEqual("acme", string.Join(",", facets.Brands));
        Assert.AreEqual("reddit,x", string.Join(",", facets.Sources));
        Assert.AreEqual(AlertState.New, history.Single().AlertState);
    }

    [TestMethod]
    public async Task Reasons_LegacyAndNewRowsOfOneReason_CountAsOneReasonByCode()
    {
        await AlertWithMentionAsync("new", reasons: [new Reason(ReasonCodes.Complaint, "complaint", 0.9f), ReasonCodes.Rule("vip")]);
        var sure = await AlertWithMentionAsync("legacy-96");
        var unsure = await AlertWithMentionAsync("legacy-62");
        await using (var connection = Database.OpenConnection())
        {
            const string Legacy = "UPDATE alerts SET reasons = @reasons WHERE id = @id";
            await Dapper.SqlMapper.ExecuteAsync(connection, Legacy, new { id = sure.Id, reasons = """["complaint (96%)","author reach 12k","rule: vip"]""" });
            await Dapper.SqlMapper.ExecuteAsync(connection, Legacy, new { id = unsure.Id, reasons = """["complaint (62%)","author reach 3.4k"]""" });
        }

        var reasons = await Insights.GetReasonBreakdownAsync(10, None);
        var top = await Insights.GetReasonBreakdownAsync(1, None);

        CollectionAssert.AreEqual(
            new[] { new CountBy(ReasonCodes.Complaint, 3), new CountBy(ReasonCodes.AuthorReach, 2), new CountBy("rule:vip", 2) },
            reasons.ToArray());
        CollectionAssert.AreEqual(new[] { new CountBy(ReasonCodes.Complaint, 3) }, top.ToArray());
    }

    [TestMethod]
    public async Task TopRisks_AreOpenAlertsByTheirMentionsEscalation_MostDangerousFirst()
    {
        await AlertWithMentionAsync("low", escalation: 0.3f);
        await AlertWithMentionAsync("critical", escalation: 0.95f);
        var closed = await AlertWithMentionAsync("closed", escalation: 0.99f);
        await Resolve<IAlertStore>().ApplyAsync(new AlertChange { AlertId = closed.Id, ExpectedVersion = closed.Version, Actor = "a", At = T0, State = AlertState.Dismissed, DismissReason = "spam" }, None);
        await AlertWithMentionAsync("medium", escalation: 0.6f, brand: "globex");
        await CreateAlertAsync(mentionId: null);

        var all = await Insights.GetTopRisksAsync([], 10, None);
        var top2 = await Insights.GetTopRisksAsync([], 2, None);
        var acme = await Insights.GetTopRisksAsync(["acme"], 10, None);

        Assert.AreEqual("title critical,title medium,title low", string.Join(",", all.Select(r => r.Alert.Title)));
        Assert.AreEqual("0.95,0.6,0.3", string.Join(",", all.Select(r => r.Mention!.Escalation.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.AreEqual("title critical,title medium", string.Join(",", top2.Select(r => r.Alert.Title)));
        Assert.AreEqual("title critical,title low", string.Join(",", acme.Select(r => r.Alert.Title)));
    }

    [TestMethod]
    public async Task QueuePage_ByDue_WalksForwardAndBackByKey_WithEveryRowOnce()
    {
        var created = new List<Alert>();
        var priorities = new[] { AlertPriority.High, AlertPriority.Normal, AlertPriority.Urgent, AlertPriority.Normal, AlertPriority.Normal, AlertPriority.High, AlertPriority.Low };
        for (var i = 0; i < priorities.Length; i++)
        {
            // Three alerts share a due time, one has none: the id breaks the ties.
            created.Add(await AlertWithMentionAsync("p" + i, priority: priorities[i], dueIn: TimeSpan.FromMinutes(i % 3 == 0 ? 30 : 10 + i), noDue: i == 4));
        }

        var expected = created
            .OrderByDescending(a => a.Priority).ThenBy(a => a.FirstResponseDueAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id)
            .Select(a => a.Id).ToList();

        var forward = new List<QueuePage>();
        string? after = null;
        do
        {
            forward.Add(await Insights.GetQueuePageAsync(Page(QueueView.AllOpen) with { Limit = 3, After = after }, None));
            after = forward[^1].Next;
        }
        while (after is not null && forward.Count < 10);
        var backward = new List<QueuePage>();
        var before = forward[^1].Previous;
        while (before is not null && backward.Count < 10)
        {
            backward.Add(await Insights.GetQueuePageAsync(Page(QueueView.AllOpen) with { Limit = 3, Before = before }, None));
            before = backward[^1].Previous;
        }

        CollectionAssert.AreEqual(expected, forward.SelectMany(p => p.Items).Select(i => i.Alert.Id).ToList());
        Assert.AreEqual("3,3,1", string.Join(",", forward.Select(p => p.Items.Count)));
        Assert.IsNull(forward[0].Previous);
        CollectionAssert.AreEqual(expected.Take(6).ToList(), backward.AsEnumerable().Reverse().SelectMany(p => p.Items).Select(i => i.Alert.Id).ToList());
        Assert.IsNotNull(backward[0].Next);
        Assert.AreEqual("handle_u-1", forward[0].Items[0].Mention!.AuthorHandle);
    }

    [TestMethod]
    public async Task QueuePage_ByRisk_ReadsTheAlertsScoreDownwards_AndATokenOfAnotherOrderReadsTheFirstPage()
    {
        var low = await AlertWithMentionAsync("low", escalation: 0.2f);
        var high = await AlertWithMentionAsync("high", escalation: 0.9f);
        var mid = await AlertWithMentionAsync("mid", escalation: 0.5f);
        var tie = await AlertWithMentionAsync("tie", escalation: 0.5f);

        var first = await Insights.GetQueuePageAsync(Page(QueueView.AllOpen) with { Sort = QueueSort.Risk, Limit = 2 }, None);
        var second = await Insights.GetQueuePageAsync(Page(QueueView.AllOpen) with { Sort = QueueSort.Risk, Limit = 2, After = first.Next }, None);
        var byDueWithRiskToken = await Insights.GetQueuePageAsync(Page(QueueView.AllOpen) with { Limit = 2, After = first.Next }, None);
        var garbage = await Insights.GetQueuePageAsync(Page(QueueView.AllOpen) with { Limit = 2, After = "d.x.1'; DROP TABLE alerts;--" }, None);

        CollectionAssert.AreEqual(new[] { high.Id, mid.Id, tie.Id, low.Id }, first.Items.Concat(second.Items).Select(i => i.Alert.Id).ToArray());
        Assert.IsNull(second.Next);
        Assert.IsNull(byDueWithRiskToken.Previous);
        Assert.AreEqual(low.Id, byDueWithRiskToken.Items[0].Alert.Id);
        Assert.HasCount(2, garbage.Items);
        Assert.IsTrue(byDueWithRiskToken.TokenIgnored && garbage.TokenIgnored, "a token that was not read says so");
        Assert.IsFalse(first.TokenIgnored || second.TokenIgnored, "no token, or one of this order, is read");
    }

    [TestMethod]
    public async Task QueuePage_Views_SelectMineUnassignedMyTeamBreachedDueSoonAndClosed_AndCountsAgree()
    {
        var alerts = Resolve<IAlertStore>();
        var mine = await AlertWithMentionAsync("mine");
        mine = await alerts.ApplyAsync(new AlertChange { AlertId = mine.Id, ExpectedVersion = mine.Version, Actor = "Ann", At = T0, AssignedTo = "ann" }, None);
        var theirs = await AlertWithMentionAsync("theirs", team: "legal");
        await alerts.ApplyAsync(new AlertChange { AlertId = theirs.Id, ExpectedVersion = theirs.Version, Actor = "bo", At = T0, AssignedTo = "bo" }, None);
        var breached = await AlertWithMentionAsync("late", dueIn: TimeSpan.FromMinutes(-5));
        var soon = await AlertWithMentionAsync("soon", dueIn: TimeSpan.FromMinutes(10), team: "legal");
        var resolved = await AlertWithMentionAsync("resolved");
        await alerts.ApplyAsync(new AlertChange { AlertId = resolved.Id, ExpectedVersion = resolved.Version, Actor = "ann", At = Time.GetUtcNow(), State = AlertState.Resolved, ResolvedAt = Time.GetUtcNow() }, None);
        var dismissed = await AlertWithMentionAsync("dismissed");
        await alerts.ApplyAsync(new AlertChange { AlertId = dismissed.Id, ExpectedVersion = dismissed.Version, Actor = "ann", At = Time.GetUtcNow(), State = AlertState.Dismissed, DismissReason = "spam" }, None);
        var scope = new QueueScope { MemberTeams = ["care"], Me = "ANN" };

        async Task<long[]> Ids(QueueView view, QueueScope? inScope = null) =>
            [.. (await Insights.GetQueuePageAsync(Page(view) with { Scope = inScope ?? scope }, None)).Items.Select(i => i.Alert.Id).Order()];
        var counts = await Insights.GetQueueViewCountsAsync(scope, Time.GetUtcNow(), TimeSpan.FromMinutes(30), None);
        var legalOnly = await Insights.GetQueueViewCountsAsync(scope with { Teams = ["legal"] }, Time.GetUtcNow(), TimeSpan.FromMinutes(30), None);

        CollectionAssert.AreEqual(new[] { mine.Id }, await Ids(QueueView.Mine));
        CollectionAssert.AreEqual(new[] { breached.Id, soon.Id }, await Ids(QueueView.Unassigned));
        CollectionAssert.AreEqual(new[] { mine.Id, breached.Id }, await Ids(QueueView.MyTeam));
        CollectionAssert.AreEqual(new[] { breached.Id }, await Ids(QueueView.Breached));
        CollectionAssert.AreEqual(new[] { soon.Id }, await Ids(QueueView.DueSoon));
        CollectionAssert.AreEqual(new[] { resolved.Id }, await Ids(QueueView.Resolved));
        CollectionAssert.AreEqual(new[] { dismissed.Id }, await Ids(QueueView.Dismissed));
        CollectionAssert.AreEqual(new[] { mine.Id, theirs.Id, breached.Id, soon.Id }, await Ids(QueueView.AllOpen));
        CollectionAssert.AreEqual(new[] { theirs.Id, soon.Id }, await Ids(QueueView.AllOpen, scope with { Teams = ["legal"] }));
        CollectionAssert.AreEqual(Array.Empty<long>(), await Ids(QueueView.MyTeam, scope with { MemberTeams = [] }));
        Assert.AreEqual(new QueueViewCounts(AllOpen: 4, Mine: 1, Unassigned: 2, MyTeam: 2, Breached: 1, DueSoon: 1), counts);
        Assert.AreEqual(new QueueViewCounts(AllOpen: 2, Mine: 0, Unassigned: 1, MyTeam: 0, Breached: 0, DueSoon: 1), legalOnly);
    }

    [TestMethod]
    public async Task QueuePage_Search_FindsTextHandleNameTitleAndNotes_IgnoringCase_AndTakesWildcardsLiterally()
    {
        var text = await AlertWithMentionAsync("text", text: "The WiFi on flight AA512 was broken");
        var handle = await AlertWithMentionAsync("handle", authorId: "Grumpy_Traveller");
        var percent = await AlertWithMentionAsync("percent", text: "They charged me 100% extra");
        var noted = await AlertWithMentionAsync("noted");
        await Resolve<IAlertStore>().ApplyAsync(new AlertChange { AlertId = noted.Id, ExpectedVersion = noted.Version, Actor = "ann", At = T0, Note = "Called the customer back about the refund" }, None);
        var resolved = await AlertWithMentionAsync("closed-one", text: "wifi again");
        await Resolve<IAlertStore>().ApplyAsync(new AlertChange { AlertId = resolved.Id, ExpectedVersion = resolved.Version, Actor = "ann", At = T0, State = AlertState.Resolved, ResolvedAt = T0 }, None);

        async Task<long[]> Find(string search, QueueView view = QueueView.AllOpen) =>
            [.. (await Insights.GetQueuePageAsync(Page(view) with { Search = search }, None)).Items.Select(i => i.Alert.Id).Order()];

        CollectionAssert.AreEqual(new[] { text.Id }, await Find("wifi"));
        CollectionAssert.AreEqual(new[] { resolved.Id }, await Find("WIFI", QueueView.Resolved));
        CollectionAssert.AreEqual(new[] { handle.Id }, await Find("grumpy_trav"));
        CollectionAssert.AreEqual(new[] { handle.Id }, await Find("name grumpy"));
        CollectionAssert.AreEqual(new[] { handle.Id }, await Find("title HANDLE"));
        CollectionAssert.AreEqual(new[] { noted.Id }, await Find("REFUND"));
        CollectionAssert.AreEqual(new[] { percent.Id }, await Find("100%"));
        CollectionAssert.AreEqual(Array.Empty<long>(), await Find("1_0"));
        CollectionAssert.AreEqual(Array.Empty<long>(), await Find("%'; --"));
        Assert.HasCount(4, await Find("   "));
    }

    private QueuePageQuery Page(QueueView view) => new() { View = view, Now = Time.GetUtcNow(), DueSoon = TimeSpan.FromMinutes(30) };

    private async Task<Alert> AlertWithMentionAsync(
        string externalId,
        string team = "care",
        string brand = "acme",
        string source = "x",
        AlertPriority priority = AlertPriority.Normal,
        TimeSpan? dueIn = null,
        float escalation = 0.6f,
        IReadOnlyList<Reason>? reasons = null,
        string text = "My order never arrived",
        string authorId = "u-1",
        bool noDue = false)
    {
        var stored = await Resolve<IMentionStore>().StoreBatchAsync(
            new IngestBatch("q-" + externalId, [TestMentions.Scored(externalId, brand: brand, source: source, escalation: escalation, text: text, authorId: authorId)], "c", null), None);
        return await Resolve<IAlertStore>().CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Mention,
                MentionId = stored.Inserted[0].Id,
                Brand = brand,
                Team = team,
                Priority = priority,
                Title = "title " + externalId,
                Reasons = reasons ?? [new Reason(ReasonCodes.LegalThreat, "legal threat", 1f), new Reason("large_reach", "large reach", 0.5f)],
                CreatedAt = Time.GetUtcNow(),
                FirstResponseDueAt = noDue ? null : Time.GetUtcNow() + (dueIn ?? TimeSpan.FromHours(1)),
                ResolveDueAt = Time.GetUtcNow().AddHours(8),
                Actor = "routing",
            },
            None);
    }
}

[TestClass]
public sealed class SqliteWebStoresTests : WebStoresContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlWebStoresTests : WebStoresContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("web_stores");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerWebStoresTests : WebStoresContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
