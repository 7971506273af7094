using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Teams;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts.Tests.Fakes;

internal sealed class InMemoryFeedbackStore : IFeedbackStore
{
    public List<FeedbackLabel> Labels { get; } = [];

    public Task<long> AddAsync(FeedbackLabel label, CancellationToken cancellationToken)
    {
        Labels.Add(label with { Id = Labels.Count + 1 });
        return Task.FromResult((long)Labels.Count);
    }

    public Task<IReadOnlyList<FeedbackLabel>> GetAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<FeedbackLabel> list = [.. Labels.Where(l => l.Id > afterId).Take(limit)];
        return Task.FromResult(list);
    }
}

internal sealed class InMemoryTeamStore : ITeamStore
{
    private readonly Dictionary<string, TeamProfile> _teams = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _last = new(StringComparer.OrdinalIgnoreCase);

    public void Add(TeamProfile team) => _teams[team.Name] = team;

    public Task<TeamProfile?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_teams.GetValueOrDefault(name));

    public Task<IReadOnlyList<TeamProfile>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<TeamProfile> list = [.. _teams.Values];
        return Task.FromResult(list);
    }

    public Task SaveAsync(TeamProfile team, string actor, CancellationToken cancellationToken)
    {
        _teams[team.Name] = team;
        return Task.CompletedTask;
    }

    public Task<string?> GetLastAssigneeAsync(string team, CancellationToken cancellationToken) => Task.FromResult(_last.GetValueOrDefault(team));

    public Task SetLastAssigneeAsync(string team, string userId, CancellationToken cancellationToken)
    {
        _last[team] = userId;
        return Task.CompletedTask;
    }
}

internal sealed class InMemoryRuleStore : IRoutingRuleStore
{
    public List<RoutingRule> Rules { get; } = [];

    public Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<RoutingRule> list = [.. Rules.OrderBy(r => r.Order)];
        return Task.FromResult(list);
    }

    public Task<RoutingRule> SaveAsync(RoutingRule rule, string actor, CancellationToken cancellationToken)
    {
        var saved = rule.Id == 0 ? rule with { Id = Rules.Count + 1 } : rule;
        Rules.RemoveAll(r => r.Id == saved.Id);
        Rules.Add(saved);
        return Task.FromResult(saved);
    }

    public Task DeleteAsync(long id, string actor, CancellationToken cancellationToken)
    {
        Rules.RemoveAll(r => r.Id == id);
        return Task.CompletedTask;
    }
}

internal sealed class InMemorySlaPolicyStore : ISlaPolicyStore
{
    private readonly Dictionary<string, SlaPolicy> _policies = [];

    public Task<SlaPolicy?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_policies.GetValueOrDefault(name));

    public Task<IReadOnlyList<SlaPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SlaPolicy> list = [.. _policies.Values];
        return Task.FromResult(list);
    }

    public Task SaveAsync(SlaPolicy policy, string actor, CancellationToken cancellationToken)
    {
        _policies[policy.Name] = policy;
        return Task.CompletedTask;
    }
}

internal sealed class InMemoryPromiseStore : IPromiseStore
{
    private readonly Dictionary<long, Promise> _promises = [];

    public Task<Promise> AddAsync(Promise promise, CancellationToken cancellationToken)
    {
        var saved = promise with { Id = _promises.Count + 1 };
        _promises[saved.Id] = saved;
        return Task.FromResult(saved);
    }

    public Task<Promise?> GetAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_promises.GetValueOrDefault(id));

    public Task<IReadOnlyList<Promise>> ListForAlertAsync(long alertId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Promise> list = [.. _promises.Values.Where(p => p.AlertId == alertId)];
        return Task.FromResult(list);
    }

    public Task<bool> MarkKeptAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!_promises.TryGetValue(id, out var p) || p.IsKept)
        {
            return Task.FromResult(false);
        }

        _promises[id] = p with { KeptAt = at, KeptBy = actor };
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<Promise>> GetOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<Promise> list = [.. _promises.Values.Where(p => !p.IsKept && p.DueAt <= now && p.BrokenAlertId is null).Take(limit)];
        return Task.FromResult(list);
    }

    public Task<bool> MarkBrokenAsync(long id, long brokenAlertId, CancellationToken cancellationToken)
    {
        if (!_promises.TryGetValue(id, out var p) || p.BrokenAlertId is not null)
        {
            return Task.FromResult(false);
        }

        _promises[id] = p with { BrokenAlertId = brokenAlertId };
        return Task.FromResult(true);
    }
}

/// <summary>Workflow queries computed from the alert and mention doubles.</summary>
internal sealed class InMemoryWorkflowQueries(InMemoryAlertStore alerts, InMemoryMentionStore mentions) : IWorkflowQueries
{
    /// <summary>Calls per query, for tests that a batch reads once instead of once per mention.</summary>
    public Dictionary<string, int> Calls { get; } = [];

    private void Count(string query) => Calls[query] = Calls.GetValueOrDefault(query) + 1;

    public Task<IReadOnlyDictionary<string, int>> CountOpenByAssigneeAsync(string team, CancellationToken cancellationToken)
    {
        Count(nameof(CountOpenByAssigneeAsync));
        IReadOnlyDictionary<string, int> counts = alerts.All
            .Where(a => a.IsOpen && a.Team == team && a.AssignedTo is not null)
            .GroupBy(a => a.AssignedTo!)
            .ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(counts);
    }

    public async Task<IReadOnlyDictionary<AuthorCaseKey, Alert>> FindRecentlyResolvedAsync(
        IReadOnlyCollection<AuthorCaseKey> authors, DateTimeOffset resolvedSince, CancellationToken cancellationToken)
    {
        Count(nameof(FindRecentlyResolvedAsync) + "(page)");
        var found = new Dictionary<AuthorCaseKey, Alert>();
        foreach (var a in authors)
        {
            if (await Resolved(a.Brand, a.Source, a.AuthorId, resolvedSince) is { } alert)
            {
                found[a] = alert;
            }
        }

        return found;
    }

    public Task<Alert?> FindRecentlyResolvedAsync(string brand, string source, string authorId, DateTimeOffset resolvedSince, CancellationToken cancellationToken)
    {
        Count(nameof(FindRecentlyResolvedAsync));
        return Resolved(brand, source, authorId, resolvedSince);
    }

    private Task<Alert?> Resolved(string brand, string source, string authorId, DateTimeOffset resolvedSince)
    {
        var found = alerts.All
            .Where(a => a is { Kind: AlertKind.Mention, State: AlertState.Resolved } && a.Brand == brand && a.ResolvedAt >= resolvedSince && a.MentionId is not null)
            .Where(a => mentions.Find(a.MentionId!.Value) is { } m && m.Mention.Source == source && m.Mention.Author.Id == authorId)
            .OrderByDescending(a => a.ResolvedAt)
            .FirstOrDefault();
        return Task.FromResult(found);
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Core.Mentions.EngagementSnapshot>>> GetLatestSnapshotsAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, IReadOnlyList<Core.Mentions.EngagementSnapshot>>();
        foreach (var id in mentionIds.Distinct())
        {
            var all = await mentions.GetSnapshotsAsync(id, cancellationToken);
            if (all.Count > 0)
            {
                result[id] = [.. all.TakeLast(2)];
            }
        }

        return result;
    }

    public Task<bool> HasAlertForMentionAsync(long mentionId, CancellationToken cancellationToken)
    {
        Count(nameof(HasAlertForMentionAsync));
        return Task.FromResult(Handled(mentionId));
    }

    public Task<IReadOnlySet<long>> FindHandledMentionsAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken)
    {
        Count(nameof(FindHandledMentionsAsync));
        IReadOnlySet<long> handled = mentionIds.Where(Handled).ToHashSet();
        return Task.FromResult(handled);
    }

    private bool Handled(long mentionId) => alerts.All.Any(a => a.MentionId == mentionId && a.Kind == AlertKind.Mention) || alerts.ChangedByMention(mentionId);

    public Task<Alert?> FindAlertForMentionAsync(long mentionId, CancellationToken cancellationToken) =>
        Task.FromResult(alerts.All.Where(a => a.MentionId == mentionId && a.Kind == AlertKind.Mention).OrderBy(a => a.Id).FirstOrDefault());
}

internal sealed class InMemorySpikeStateStore : ISpikeStateStore
{
    public Dictionary<string, SpikeState> States { get; } = [];

    public Task<SpikeState?> GetAsync(string brand, CancellationToken cancellationToken) => Task.FromResult(States.GetValueOrDefault(brand));

    public Task SaveAsync(SpikeState state, CancellationToken cancellationToken)
    {
        States[state.Brand] = state;
        return Task.CompletedTask;
    }
}
