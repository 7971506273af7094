using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Teams;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Routing;

/// <summary>
/// What a batch of routed or re-scored mentions reads once instead of once per mention: teams and SLA policies (an
/// admin's edit applies from the next batch on), which of the batch's mentions were handled already, and each
/// round-robin team's load.
/// </summary>
public sealed class RoutingSettings(DeadlinePlanner deadlines)
{
    private readonly Dictionary<string, TeamProfile> _teams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlaPolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoundRobinLedger> _ledgers = new(StringComparer.Ordinal);
    private IReadOnlySet<long>? _handled;
    private IReadOnlyDictionary<AuthorCaseKey, Alert>? _recentlyResolved;
    private readonly HashSet<AuthorCaseKey> _changedCases = [];

    /// <summary>Takes the batch's handled mentions, read in one query; mentions outside the batch are looked up one by one.</summary>
    public void KnowHandled(IReadOnlySet<long> handled) => _handled = handled;

    /// <summary>True or false when the batch's read answers for the mention; null when it does not.</summary>
    public bool? IsHandled(long mentionId) => _handled?.Contains(mentionId);

    /// <summary>Takes the recently resolved cases of the batch's authors, read in one query (authors without one are absent).</summary>
    public void KnowRecentlyResolved(IReadOnlyDictionary<AuthorCaseKey, Alert> cases) => _recentlyResolved = cases;

    /// <summary>
    /// Whether the batch's read answers for the author (false: look it up), and the case it found (null: none). After
    /// <see cref="Forget"/> (the author's case was reopened) the author's next mention in the batch looks again.
    /// </summary>
    public bool TryRecentlyResolved(AuthorCaseKey author, out Alert? resolved)
    {
        resolved = null;
        if (_recentlyResolved is null || _changedCases.Contains(author))
        {
            return false;
        }

        resolved = _recentlyResolved.GetValueOrDefault(author);
        return true;
    }

    /// <summary>Stops answering for the author from the batch's read (their case changed).</summary>
    public void Forget(AuthorCaseKey author) => _changedCases.Add(author);

    /// <summary>The round-robin team's load and last assignee for this batch (read on first use, kept current by the assigner).</summary>
    public RoundRobinLedger Ledger(string team)
    {
        if (!_ledgers.TryGetValue(team, out var ledger))
        {
            ledger = _ledgers[team] = new RoundRobinLedger();
        }

        return ledger;
    }

    public async Task<TeamProfile> TeamAsync(string name, CancellationToken cancellationToken)
    {
        if (!_teams.TryGetValue(name, out var team))
        {
            team = _teams[name] = await deadlines.GetTeamAsync(name, cancellationToken);
        }

        return team;
    }

    /// <summary>The named policy; the default one for null or an unknown name.</summary>
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
