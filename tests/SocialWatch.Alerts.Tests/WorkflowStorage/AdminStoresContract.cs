using Dapper;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Teams;
using SocialWatch.Storage;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Alerts.Tests.WorkflowStorage;

/// <summary>What the admin-edited stores (teams, routing rules, SLA policies) must do, whatever the dialect.</summary>
public abstract class AdminStoresContract : WorkflowStoreContract
{
    private static readonly TeamProfile Care = new()
    {
        Name = "social-care",
        LeadEmail = "lead@acme.test",
        TimeZoneId = "Europe/Berlin",
        Assignment = AssignmentMode.RoundRobin,
        WorkingHours = [new(DayOfWeek.Monday, new(9, 0), new(17, 30)), new(DayOfWeek.Saturday, new(10, 0), TimeOnly.MinValue)],
        Members = [new("ann", "ann@acme.test", 5), new("bob", null, 3, Active: false)],
    };

    [TestMethod]
    public async Task Teams_SaveGetList_RoundTripEveryField_AndAuditTheChange()
    {
        var store = Resolve<ITeamStore>();

        await store.SaveAsync(Care, "admin", None);
        await store.SaveAsync(Care with { LeadEmail = "new-lead@acme.test" }, "admin2", None);
        var read = await store.GetAsync("social-care", None);
        var all = await store.ListAsync(None);

        Assert.AreEqual("new-lead@acme.test", read!.LeadEmail);
        Assert.AreEqual(("Europe/Berlin", AssignmentMode.RoundRobin), (read.TimeZoneId, read.Assignment));
        CollectionAssert.AreEqual(Care.WorkingHours.ToList(), read.WorkingHours.ToList());
        CollectionAssert.AreEqual(Care.Members.ToList(), read.Members.ToList());
        Assert.HasCount(1, all);
        Assert.AreEqual("admin|admin2", string.Join("|", await AdminAuditActorsAsync("team")));
    }

    [TestMethod]
    public async Task Teams_UnknownTimeZone_IsRefusedBeforeStoring()
    {
        var store = Resolve<ITeamStore>();

        await Assert.ThrowsAsync<TimeZoneNotFoundException>(() => store.SaveAsync(Care with { TimeZoneId = "Mars/Olympus" }, "admin", None));

        Assert.IsNull(await store.GetAsync("social-care", None));
    }

    [TestMethod]
    public async Task Teams_LastAssignee_IsKeptPerTeam()
    {
        var store = Resolve<ITeamStore>();

        await store.SetLastAssigneeAsync("care", "ann", None);
        await store.SetLastAssigneeAsync("care", "bob", None);
        await store.SetLastAssigneeAsync("pr", "cid", None);

        Assert.AreEqual("bob", await store.GetLastAssigneeAsync("care", None));
        Assert.AreEqual("cid", await store.GetLastAssigneeAsync("pr", None));
        Assert.IsNull(await store.GetLastAssigneeAsync("legal", None));
    }

    [TestMethod]
    public async Task Rules_AreListedInOrder_UpdatedAndDeleted_WithEveryConditionKept()
    {
        var store = Resolve<IRoutingRuleStore>();
        var conditions = new RuleConditions
        {
            Brands = ["acme"],
            Sources = ["x", "reddit"],
            Languages = ["de"],
            Sentiments = [SentimentLabel.Negative],
            MinComplaint = 0.7f,
            MinEscalationLevel = EscalationLevel.High,
            ReasonsAny = ["legal"],
            MinFollowers = 10_000,
            VerifiedAuthor = true,
            KeywordsAny = ["<script>'; DROP TABLE routing_rules;--"],
        };
        var late = await store.SaveAsync(new RoutingRule { Name = "late", Order = 20, Team = "care" }, "admin", None);
        var early = await store.SaveAsync(new RoutingRule { Name = "legal", Order = 10, Team = "legal", Priority = AlertPriority.Urgent, SlaPolicy = "vip", Conditions = conditions }, "admin", None);
        var ignore = await store.SaveAsync(new RoutingRule { Name = "noise", Order = 30, Action = RuleAction.Ignore }, "admin", None);

        await store.SaveAsync(late with { Order = 5, Enabled = false }, "admin", None);
        await store.DeleteAsync(ignore.Id, "admin", None);
        var rules = await store.ListAsync(None);

        Assert.AreEqual("late|legal", string.Join("|", rules.Select(r => r.Name)));
        Assert.IsFalse(rules[0].Enabled);
        var legal = rules[1];
        Assert.AreEqual((early.Id, "legal", AlertPriority.Urgent, "vip"), (legal.Id, legal.Team!, legal.Priority, legal.SlaPolicy!));
        Assert.AreEqual(WorkflowJsonOf(conditions), WorkflowJsonOf(legal.Conditions));
        Assert.AreEqual("create|create|create|update|delete", string.Join("|", await AdminAuditActionsAsync("routing-rule")));
    }

    [TestMethod]
    public async Task Rules_UpdatingOrDeletingAMissingRule_Throws()
    {
        var store = Resolve<IRoutingRuleStore>();

        await Assert.ThrowsExactlyAsync<RoutingRuleNotFoundException>(() => store.SaveAsync(new RoutingRule { Id = 99, Name = "x", Team = "care" }, "admin", None));
        await Assert.ThrowsExactlyAsync<RoutingRuleNotFoundException>(() => store.DeleteAsync(99, "admin", None));
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => store.SaveAsync(new RoutingRule { Name = "no team" }, "admin", None));
    }

    [TestMethod]
    public async Task SlaPolicies_RoundTrip_AndRefuseNonsense()
    {
        var store = Resolve<ISlaPolicyStore>();
        var vip = new SlaPolicy { Name = "vip", Targets = [new(AlertPriority.Urgent, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), false), new(AlertPriority.Normal, TimeSpan.FromHours(1), TimeSpan.FromHours(8), true)] };

        await store.SaveAsync(vip, "admin", None);
        var read = await store.GetAsync("vip", None);

        CollectionAssert.AreEqual(vip.Targets.ToList(), read!.Targets.ToList());
        Assert.HasCount(1, await store.ListAsync(None));
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => store.SaveAsync(
            new SlaPolicy { Name = "bad", Targets = [new(AlertPriority.Low, TimeSpan.FromHours(2), TimeSpan.FromHours(1), false)] }, "admin", None));
    }

    [TestMethod]
    public async Task Webhooks_RoundTripUpdateAndDelete_AuditedWithoutTheUrl()
    {
        var store = Resolve<IWebhookStore>();
        var url = new Uri("https://hooks.example/services/T000/B000/secret-token");

        var saved = await store.SaveAsync(new StoredWebhook(0, "care-slack", url, AlertPriority.High, ["acme"]), "admin", None);
        await store.SaveAsync(saved with { Enabled = false }, "admin", None);
        var listed = await store.ListAsync(None);
        await store.DeleteAsync(saved.Id, "admin", None);

        var read = listed.Single();
        Assert.AreEqual((saved.Id, "care-slack", url, AlertPriority.High, "acme", false), (read.Id, read.Name, read.Url, read.MinPriority, string.Join(",", read.Brands), read.Enabled));
        Assert.IsEmpty(await store.ListAsync(None));
        Assert.AreEqual("create|update|delete", string.Join("|", await AdminAuditActionsAsync("webhook")));
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => store.SaveAsync(new StoredWebhook(0, "bad", new Uri("file:///etc/passwd"), AlertPriority.Low, []), "admin", None));
    }

    private static string WorkflowJsonOf(RuleConditions conditions) => WorkflowJson.Serialize(conditions);

    private Task<List<string>> AdminAuditActorsAsync(string entity) => AdminAuditColumnAsync("actor", entity);

    private Task<List<string>> AdminAuditActionsAsync(string entity) => AdminAuditColumnAsync("action", entity);

    private async Task<List<string>> AdminAuditColumnAsync(string column, string entity)
    {
        // Unqualified admin_audit is dbo.admin_audit on SQL Server (the default schema).
        var sql = $"SELECT {column} FROM admin_audit WHERE entity = @entity ORDER BY id";
        await using var connection = Database.OpenConnection();
        return [.. await connection.QueryAsync<string>(sql, new { entity })];
    }
}

[TestClass]
public sealed class SqliteAdminStoresTests : AdminStoresContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlAdminStoresTests : AdminStoresContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("admin_stores");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerAdminStoresTests : AdminStoresContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
