using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>In-memory mentions and alerts answering the digest queries with the semantics the SQL implements.</summary>
internal sealed class FakeDigestDataSource : IDigestDataSource
{
    public List<FakeMention> Mentions { get; } = [];
    public List<Alert> Alerts { get; } = [];
    public Dictionary<long, double> EscalationByMention { get; } = [];

    /// <summary>When set, every query throws it (a database outage).</summary>
    public Exception? Failure { get; set; }

    public Task<IReadOnlyList<VolumeCount>> GetVolumeAsync(DigestScope scope, TimeSpan bucket, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        IReadOnlyList<VolumeCount> rows = [.. Mentions
            .Where(m => InScope(scope, m.Brand, m.CreatedAt))
            .GroupBy(m => (long)((m.CreatedAt - scope.Start) / bucket))
            .Select(g => new VolumeCount(g.Key, g.Count(), g.Count(m => m.Negative)))];
        return Task.FromResult(rows);
    }

    public Task<AlertCounts> GetAlertCountsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        var alerts = Alerts.Where(a => Brand(scope, a.Brand)).ToList();
        return Task.FromResult(new AlertCounts(
            alerts.Count(a => a.Kind != AlertKind.Operator && Between(scope, a.CreatedAt)),
            alerts.Count(a => a.Kind != AlertKind.Operator && a.State == AlertState.Resolved && a.ResolvedAt is { } r && Between(scope, r)),
            alerts.Count(a => a.Kind != AlertKind.Operator && a.IsOpen && a.CreatedAt < scope.End),
            alerts.Count(a => a.FirstResponseDueAt is { } due && Between(scope, due) && a.State != AlertState.Dismissed && (a.FirstRespondedAt is null || a.FirstRespondedAt > due)),
            alerts.Count(a => a.ResolveDueAt is { } due && Between(scope, due) && a.State != AlertState.Dismissed && (a.ResolvedAt is null || a.ResolvedAt > due)),
            alerts.Count(a => a.Kind == AlertKind.BrokenPromise && Between(scope, a.CreatedAt))));
    }

    public Task<IReadOnlyList<TimeSpan>> GetFirstResponseTimesAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        IReadOnlyList<TimeSpan> rows = [.. Alerts
            .Where(a => a.Kind == AlertKind.Mention && Brand(scope, a.Brand) && a.FirstRespondedAt is { } f && Between(scope, f))
            .Select(a => a.FirstRespondedAt!.Value - a.CreatedAt)];
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<RiskRow>> GetTopRisksAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        IReadOnlyList<RiskRow> rows = [.. Alerts
            .Where(a => a.Kind == AlertKind.Mention && a.IsOpen && a.CreatedAt < scope.End && Brand(scope, a.Brand))
            .Select(a => new RiskRow(a.Id, a.Title, a.Brand, a.MentionId is { } m ? EscalationByMention.GetValueOrDefault(m) : 0, (int)a.Priority))
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Priority)
            .Take(limit)];
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<SpikeRow>> GetSpikesAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        IReadOnlyList<SpikeRow> rows = [.. Alerts
            .Where(a => a.Kind == AlertKind.Spike && Brand(scope, a.Brand) && Between(scope, a.CreatedAt))
            .OrderBy(a => a.CreatedAt)
            .Take(limit)
            .Select(a => new SpikeRow(a.Id, a.Title, a.Brand, a.CreatedAt))];
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<ReasonCount>> GetComplaintReasonsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        IReadOnlyList<ReasonCount> rows = [.. Mentions
            .Where(m => m.Complaint && InScope(scope, m.Brand, m.CreatedAt))
            .SelectMany(m => m.Reasons)
            .GroupBy(r => r)
            .Select(g => new ReasonCount(g.Key, g.Count()))];
        return Task.FromResult(rows);
    }

    /// <param name="reasons">Reason codes.</param>
    public void AddMentions(string brand, DateTimeOffset at, int count, int negative, bool complaint = false, params string[] reasons)
    {
        for (var i = 0; i < count; i++)
        {
            Mentions.Add(new FakeMention(brand, at, i < negative, complaint, reasons));
        }
    }

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    private static bool InScope(DigestScope scope, string brand, DateTimeOffset at) => Brand(scope, brand) && Between(scope, at);

    private static bool Brand(DigestScope scope, string brand) => scope.Brands.Count == 0 || scope.Brands.Contains(brand);

    private static bool Between(DigestScope scope, DateTimeOffset at) => at >= scope.Start && at < scope.End;
}

internal sealed record FakeMention(string Brand, DateTimeOffset CreatedAt, bool Negative, bool Complaint, IReadOnlyList<string> Reasons);
