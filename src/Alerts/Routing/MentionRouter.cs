using SocialWatch.Alerts.Sla;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

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
    MentionAlertRaiser raiser) : IMentionsStoredHandler
{
    public const int MaxTitleLength = 140;

    public async Task OnStoredAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return;
        }

        // One read of the rules, and of each team and SLA policy used, per batch: an admin's edit applies from the
        // next batch on.
        var ordered = (await rules.ListAsync(cancellationToken)).OrderBy(r => r.Order).ThenBy(r => r.Id).ToList();
        var settings = new RoutingSettings(deadlines);
        foreach (var stored in mentions)
        {
            await RouteAsync(ordered, settings, stored, cancellationToken);
        }
    }

    private async Task RouteAsync(IReadOnlyList<RoutingRule> ordered, RoutingSettings settings, StoredMention stored, CancellationToken cancellationToken)
    {
        if (stored.Redacted)
        {
            return;
        }

        if (evaluator.Evaluate(ordered, stored) is { } decision)
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
