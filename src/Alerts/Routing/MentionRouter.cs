using Microsoft.Extensions.Logging;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Reopen;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

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
    IWorkflowQueries queries,
    ReopenOnReComplaint reopen,
    DeadlinePlanner deadlines,
    IAlertStore alerts,
    RoundRobinAssigner assigner,
    IAlertNotifier notifier,
    TimeProvider time,
    ILogger<MentionRouter> logger) : IMentionsStoredHandler
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
        var batch = new BatchSettings(deadlines);
        foreach (var stored in mentions)
        {
            await RouteAsync(ordered, batch, stored, cancellationToken);
        }
    }

    private async Task RouteAsync(IReadOnlyList<RoutingRule> ordered, BatchSettings batch, StoredMention stored, CancellationToken cancellationToken)
    {
        if (stored.Redacted)
        {
            return;
        }

        var decision = evaluator.Evaluate(ordered, stored);
        if (decision is null)
        {
            return;
        }

        // The hand-over may be repeated after a crash; one mention raises one alert.
        if (await queries.HasAlertForMentionAsync(stored.Id, cancellationToken))
        {
            return;
        }

        if (await reopen.TryReopenAsync(stored, decision, cancellationToken) is { } reopened)
        {
            WorkflowLog.Reopened(logger, reopened.Id, stored.Id);
            return;
        }

        var now = time.GetUtcNow();
        var team = await batch.TeamAsync(decision.Team, cancellationToken);
        var due = SlaCalculator.Compute(await batch.PolicyAsync(decision.SlaPolicy, cancellationToken), decision.Priority, team, now);
        var created = await alerts.CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Mention,
                MentionId = stored.Id,
                Brand = stored.Mention.Brand,
                Team = decision.Team,
                Priority = decision.Priority,
                Title = TitleFor(stored.Mention),
                Reasons = [.. stored.Score?.Escalation.Reasons ?? [], ReasonCodes.Rule(decision.RuleName)],
                CreatedAt = now,
                FirstResponseDueAt = due.FirstResponseDueAt,
                ResolveDueAt = due.ResolveDueAt,
                Actor = "routing",
            },
            cancellationToken);
        WorkflowLog.AlertRaised(logger, created.Id, stored.Id, decision.Team, decision.RuleName);
        notifier.Publish(new AlertEvent(AlertEventKind.Created, created, now, "routing", decision.RuleName));
        await assigner.TryAssignAsync(created, team, cancellationToken);
    }

    /// <summary>Teams and SLA policies read once per batch.</summary>
    private sealed class BatchSettings(DeadlinePlanner deadlines)
    {
        private readonly Dictionary<string, Teams.TeamProfile> _teams = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SlaPolicy> _policies = new(StringComparer.Ordinal);

        public async Task<Teams.TeamProfile> TeamAsync(string name, CancellationToken cancellationToken)
        {
            if (!_teams.TryGetValue(name, out var team))
            {
                team = _teams[name] = await deadlines.GetTeamAsync(name, cancellationToken);
            }

            return team;
        }

        public async Task<SlaPolicy> PolicyAsync(string? name, CancellationToken cancellationToken)
        {
            var key = name ?? "";
            if (!_policies.TryGetValue(key, out var policy))
            {
                policy = _policies[key] = await deadlines.GetPolicyAsync(name, cancellationToken);
            }

            return policy;
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
