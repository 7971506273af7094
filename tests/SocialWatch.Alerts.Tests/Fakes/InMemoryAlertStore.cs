using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Tests.Fakes;

/// <summary>Alert store double with the real store's version check and audit behaviour.</summary>
internal sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Alert> _alerts = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly HashSet<long> _changeMentions = [];

    /// <summary>Whether a change named this mention as its cause (the audit's mention_id in the real stores).</summary>
    public bool ChangedByMention(long mentionId)
    {
        lock (_lock)
        {
            return _changeMentions.Contains(mentionId);
        }
    }
    private long _nextId = 1;

    public IReadOnlyList<Alert> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _alerts.Values.OrderBy(a => a.Id)];
            }
        }
    }

    public Task<Alert> CreateAsync(NewAlert alert, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // As the stores' unique mention key: one alert per mention.
            if (alert.Kind == AlertKind.Mention && alert.MentionId is { } mentionId && _alerts.Values.Any(a => a.Kind == AlertKind.Mention && a.MentionId == mentionId))
            {
                throw new AlertExistsException(mentionId);
            }

            var created = new Alert
            {
                Id = _nextId++,
                Kind = alert.Kind,
                MentionId = alert.MentionId,
                Brand = alert.Brand,
                Team = alert.Team,
                Priority = alert.Priority,
                State = AlertState.New,
                Title = alert.Title,
                Reasons = alert.Reasons,
                CreatedAt = alert.CreatedAt,
                UpdatedAt = alert.CreatedAt,
                FirstResponseDueAt = alert.FirstResponseDueAt,
                ResolveDueAt = alert.ResolveDueAt,
                SlaPolicy = alert.SlaPolicy,
                Version = 1,
            };
            _alerts[created.Id] = created;
            _audit.Add(new AuditEntry(_audit.Count + 1, created.Id, alert.Actor, alert.CreatedAt, null, AlertState.New, "Created"));
            return Task.FromResult(created);
        }
    }

    /// <summary>Puts an alert in place as is (for tests that need a given state).</summary>
    public Alert Seed(Alert alert)
    {
        lock (_lock)
        {
            var seeded = alert with { Id = _nextId++ };
            _alerts[seeded.Id] = seeded;
            return seeded;
        }
    }

    public Task<Alert?> GetAsync(long id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_alerts.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Alert>> GetOpenAsync(OpenAlertQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<Alert> open = [.. _alerts.Values
                .Where(a => a.IsOpen)
                .Where(a => query.Teams.Count == 0 || query.Teams.Contains(a.Team))
                .Where(a => query.Brand is null || a.Brand == query.Brand)
                .Where(a => query.MinPriority is null || a.Priority >= query.MinPriority)
                .Where(a => query.State is null || a.State == query.State)
                .OrderByDescending(a => a.Priority).ThenBy(a => a.FirstResponseDueAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id)
                .Take(query.Limit)];
            return Task.FromResult(open);
        }
    }

    public Task<Alert> ApplyAsync(AlertChange change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var alert = _alerts.GetValueOrDefault(change.AlertId) ?? throw new InvalidOperationException($"no alert {change.AlertId}");
            if (alert.Version != change.ExpectedVersion)
            {
                throw new ConcurrencyConflictException(change.AlertId, change.ExpectedVersion);
            }

            var updated = alert with
            {
                State = change.State ?? alert.State,
                Priority = change.Priority ?? alert.Priority,
                AssignedTo = change.Unassign ? null : change.AssignedTo ?? alert.AssignedTo,
                FirstResponseDueAt = change.FirstResponseDueAt ?? alert.FirstResponseDueAt,
                ResolveDueAt = change.ResolveDueAt ?? alert.ResolveDueAt,
                FirstRespondedAt = change.FirstRespondedAt ?? alert.FirstRespondedAt,
                ResolvedAt = change.ResolvedAt ?? alert.ResolvedAt,
                DismissReason = change.DismissReason ?? alert.DismissReason,
                Reasons = change.Reasons ?? alert.Reasons,
                UpdatedAt = change.At,
                Version = alert.Version + 1,
            };
            _alerts[alert.Id] = updated;
            _audit.Add(new AuditEntry(_audit.Count + 1, alert.Id, change.Actor, change.At, alert.State, updated.State, change.Note));
            if (change.MentionId is { } mentionId)
            {
                _changeMentions.Add(mentionId);
            }
            return Task.FromResult(updated);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(long alertId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<AuditEntry> entries = [.. _audit.Where(a => a.AlertId == alertId)];
            return Task.FromResult(entries);
        }
    }
}
