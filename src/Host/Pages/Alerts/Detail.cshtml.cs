using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Spread;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Alerts;
using SocialWatch.Host.Web.Charts;

namespace SocialWatch.Host.Pages.Alerts;

/// <summary>
/// One alert: the mention, how it spreads, why it was raised, the author's history, and the agent's actions on it. PR
/// staff read it from the dashboard; only agents and managers act on it.
/// </summary>
public sealed class DetailModel(
    IAlertStore alerts,
    IMentionStore mentions,
    IPromiseStore promises,
    IInsightsStore insights,
    TeamScope scope,
    AlertActionRunner runner,
    TimeProvider time) : PageModel
{
    public Alert Alert { get; private set; } = null!;
    public StoredMention? Mention { get; private set; }
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    public IReadOnlyList<Promise> Promises { get; private set; } = [];
    public IReadOnlyList<AuthorHistoryItem> History { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>Interactions at +24 h from the snapshots read so far; null before two refreshes saw any.</summary>
    public ReachProjection? Projection { get; private set; }

    /// <summary>Growth over the latest refresh; null before two refreshes.</summary>
    public EngagementVelocity? Velocity { get; private set; }

    public Sparkline? Sparkline { get; private set; }

    /// <summary>Agents and managers work alerts; PR staff only read them.</summary>
    public bool CanAct => User.IsInRole(SocialWatchRoles.Agent) || User.IsInRole(SocialWatchRoles.Manager);

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The alert's state block, for the live refresh.</summary>
    public async Task<IActionResult> OnGetStateAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_AlertState", this) : NotFound();

    public Task<IActionResult> OnPostClaimAsync(long id, int version, CancellationToken ct) =>
        RunAsync(id, AlertAction.Claim, new AlertActionRequest { Version = version }, "You claimed the alert.", ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(long id, int version, string? note, CancellationToken ct) =>
        RunAsync(id, AlertAction.Acknowledge, new AlertActionRequest { Version = version, Note = note }, "Acknowledged.", ct);

    public Task<IActionResult> OnPostRespondAsync(long id, int version, string? note, CancellationToken ct) =>
        RunAsync(id, AlertAction.Respond, new AlertActionRequest { Version = version, Note = note }, "Response recorded.", ct);

    public Task<IActionResult> OnPostPromiseAsync(long id, int version, string? text, double? dueInHours, CancellationToken ct)
    {
        DateTimeOffset? due = dueInHours is > 0 and <= 24 * 30 ? time.GetUtcNow().AddHours(dueInHours.Value) : null;
        if (due is null)
        {
            Error = "Say in how many hours (up to 720) the promise is due.";
            return Task.FromResult<IActionResult>(RedirectToPage(new { id }));
        }

        return RunAsync(id, AlertAction.Promise, new AlertActionRequest { Version = version, PromiseText = text, PromiseDueAt = due }, "Promise recorded.", ct);
    }

    public Task<IActionResult> OnPostResolveAsync(long id, int version, string? note, CancellationToken ct) =>
        RunAsync(id, AlertAction.Resolve, new AlertActionRequest { Version = version, Note = note }, "Resolved.", ct);

    public Task<IActionResult> OnPostDismissAsync(long id, int version, DismissReason? reason, SentimentLabel? correctSentiment, string? note, CancellationToken ct) =>
        RunAsync(id, AlertAction.Dismiss, new AlertActionRequest { Version = version, Reason = reason, CorrectSentiment = correctSentiment, Note = note }, "Dismissed.", ct);

    private async Task<IActionResult> RunAsync(long id, AlertAction action, AlertActionRequest request, string success, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var outcome = await runner.RunAsync(id, action, request, User, cancellationToken);
        if (outcome.Succeeded)
        {
            Message = success;
        }
        else
        {
            Error = outcome.Error;
        }

        return outcome.Status == StatusCodes.Status404NotFound ? NotFound() : RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var alert = await alerts.GetAsync(id, cancellationToken);
        if (alert is null || !TeamScope.Covers(await scope.ForAsync(User, cancellationToken), alert))
        {
            return false;
        }

        Alert = alert;
        Now = time.GetUtcNow();
        Audit = await alerts.GetAuditAsync(id, cancellationToken);
        Promises = await promises.ListForAlertAsync(id, cancellationToken);
        if (alert.MentionId is { } mentionId)
        {
            Mention = await mentions.GetMentionAsync(mentionId, cancellationToken);
            if (Mention is { Redacted: false } m && !string.IsNullOrEmpty(m.Mention.Author.Id))
            {
                History = await insights.GetAuthorHistoryAsync(m.Mention.Source, m.Mention.Author.Id, m.Mention.Brand, m.Id, 10, cancellationToken);
            }

            if (Mention is { Redacted: false } spreading)
            {
                // The whole series: the projection reads the early snapshots most of all.
                var snapshots = await mentions.GetSnapshotsAsync(spreading.Id, cancellationToken);
                Projection = ReachProjector.Project(spreading.Mention.CreatedAt, snapshots);
                Velocity = EngagementVelocityCalculator.FromSnapshots(snapshots);
                Sparkline = Sparkline.From(snapshots, 240, 48);
            }
        }

        return true;
    }
}
