using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Workflow;

[TestClass]
public sealed class AcknowledgeAlertTests
{
    [TestMethod]
    public async Task Execute_NewAlert_AcknowledgesClaimsAndAudits()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        h.Time.Advance(TimeSpan.FromMinutes(3));

        var updated = await h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann", "looking"), CancellationToken.None);

        Assert.AreEqual((AlertState.Acknowledged, "ann", 2), (updated.State, updated.AssignedTo, updated.Version));
        var audit = await h.Alerts.GetAuditAsync(alert.Id, CancellationToken.None);
        Assert.AreEqual(new AuditEntry(2, alert.Id, "ann", WorkflowHarness.Start.AddMinutes(3), AlertState.New, AlertState.Acknowledged, "looking"), audit[^1]);
    }

    [TestMethod]
    public async Task Execute_TwoAgentsWithTheSameVersion_OneWinsAndTheOtherIsTold()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        await h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);

        var ex = await Assert.ThrowsExactlyAsync<ConcurrencyConflictException>(
            () => h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "bob"), CancellationToken.None));

        Assert.AreEqual(alert.Id, ex.AlertId);
        Assert.AreEqual("ann", (await h.Alerts.GetAsync(alert.Id, CancellationToken.None))!.AssignedTo);
    }

    [TestMethod]
    public async Task Execute_StoreDetectsALateConflict_SurfacesConcurrencyConflict()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var racing = new RacingAlertStore(h.Alerts);
        var acknowledge = new AcknowledgeAlert(racing, h.Notifier, h.Time);

        await Assert.ThrowsExactlyAsync<ConcurrencyConflictException>(
            () => acknowledge.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "bob"), CancellationToken.None));

        Assert.AreEqual("ann", (await h.Alerts.GetAsync(alert.Id, CancellationToken.None))!.AssignedTo);
        Assert.IsEmpty(h.Notifier.Events.Where(e => e.Actor == "bob"));
    }

    [TestMethod]
    public async Task Execute_AlertHeldByAnotherAgent_IsRefused()
    {
        var h = new WorkflowHarness();
        var alert = await h.NewAlertAsync();
        var claimed = await h.Claim.ExecuteAsync(new AlertCommand(alert.Id, alert.Version, "ann"), CancellationToken.None);

        await Assert.ThrowsExactlyAsync<AlertAlreadyClaimedException>(
            () => h.Acknowledge.ExecuteAsync(new AlertCommand(alert.Id, claimed.Version, "bob"), CancellationToken.None));
    }

    [TestMethod]
    public async Task Execute_UnknownAlert_ThrowsNotFound()
    {
        var h = new WorkflowHarness();

        await Assert.ThrowsExactlyAsync<AlertNotFoundException>(
            () => h.Acknowledge.ExecuteAsync(new AlertCommand(99, 1, "ann"), CancellationToken.None));
    }

    /// <summary>Lets another agent's change land between the read and the write.</summary>
    private sealed class RacingAlertStore(InMemoryAlertStore inner) : Core.Storage.IAlertStore
    {
        public Task<Alert> CreateAsync(Core.Storage.NewAlert alert, CancellationToken cancellationToken) => inner.CreateAsync(alert, cancellationToken);

        public Task<Alert?> GetAsync(long id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task<IReadOnlyList<Alert>> GetOpenAsync(Core.Storage.OpenAlertQuery query, CancellationToken cancellationToken) => inner.GetOpenAsync(query, cancellationToken);

        public async Task<Alert> ApplyAsync(Core.Storage.AlertChange change, CancellationToken cancellationToken)
        {
            await inner.ApplyAsync(change with { Actor = "ann", AssignedTo = "ann", Note = "ann was faster" }, cancellationToken);
            return await inner.ApplyAsync(change, cancellationToken);
        }

        public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(long alertId, CancellationToken cancellationToken) => inner.GetAuditAsync(alertId, cancellationToken);
    }
}
