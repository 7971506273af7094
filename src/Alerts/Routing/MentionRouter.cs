using SocialWatch.Alerts.Reopen;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Routing;

/// <summary>
/// Turns newly stored mentions into alerts: ordered rules pick team, priority and SLA policy; a re-complaint reopens
/// the author's recent case instead; the alert is announced and, for round-robin teams, assigned.
/// Ingest calls this after the mentions are committed. Failures propagate and fail the run; the page's hand-over
/// record stays, and the ingest's recovery job calls this again for those mentions later.
/// </summary>
public sealed class MentionRouter(
    IRoutingRuleStore rules,
    RoutingRuleEvaluator evaluator,
    DeadlinePlanner deadlines,
    MentionAlertRaiser raiser,
    ReopenOnReComplaint reopen,
    IWorkflowQueries queries) : IMentionsStoredHandler
{
    public const int MaxTitleLength = 140;

    public async Task OnStoredAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return;
        }

        // One read of the rules, and of each team and SLA policy used, per batch: an admin's edit applies from the
        // next batch on. Which routed mentions were handled already (a repeated hand-over), and which of their authors
        // have a recently resolved case to reopen, is one query each for the page.
        var ordered = (await rules.ListAsync(cancellationToken)).OrderBy(r => r.Order).ThenBy(r => r.Id).ToList();
        var routed = new List<(StoredMention Stored, RouteDecision Decision)>();
        foreach (var stored in mentions)
        {
            if (!stored.Redacted && evaluator.Evaluate(ordered, stored) is { } decision)
            {
                routed.Add((stored, decision));
            }
        }

        if (routed.Count == 0)
        {
            return;
        }

        var settings = new RoutingSettings(deadlines);
        settings.KnowHandled(await queries.FindHandledMentionsAsync([.. routed.Select(r => r.Stored.Id)], cancellationToken));
        await reopen.PrepareAsync([.. routed.Where(r => settings.IsHandled(r.Stored.Id) != true).Select(r => r.Stored)], settings, cancellationToken);
        foreach (var (stored, decision) in routed)
        {
            await raiser.RaiseAsync(stored, decision, settings, extraReason: null, cancellationToken);
        }
    }

    /// <summary>Author handle and the start of the text; kept raw here, encoded by whatever shows it.</summary>
    public static string TitleFor(Mention mention)
    {
        var text = string.Join(' ', mention.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var who = string.IsNullOrEmpty(mention.Author.Handle) ? mention.Source : "@" + mention.Author.Handle;
        var title = $"{who}: {text}";
        return title.Length <= MaxTitleLength ? title : string.Concat(title.AsSpan(0, MaxTitleLength - 1), "…");
    }
}
